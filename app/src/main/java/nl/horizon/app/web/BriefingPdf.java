package nl.horizon.app.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import nl.horizon.app.views.Briefing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link Briefing} as a PDF: {@link BriefingDocument}'s printable HTML rendered by openhtmltopdf, so the
 * PDF, the page and the print-out are one document with one wording. The renderer lays out for print, where
 * the page's margins carry the marking: every PDF page has it at its top and bottom, as on classified paper,
 * so that a page passed on alone still says what it is.
 */
public final class BriefingPdf {

    private BriefingPdf() {
    }

    /** The briefing as PDF bytes. */
    public static byte[] pdf(Briefing briefing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder renderer = new PdfRendererBuilder();
            renderer.useFastMode();
            renderer.withHtmlContent(BriefingDocument.html(briefing), null);
            renderer.toStream(out);
            renderer.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the briefing's PDF could not be rendered", e);
        }
        return out.toByteArray();
    }
}
