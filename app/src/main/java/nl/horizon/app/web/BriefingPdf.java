package nl.horizon.app.web;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import nl.horizon.app.views.Briefing;
import nl.horizon.app.views.CountryLine;
import nl.horizon.app.views.EvidenceLink;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Briefing} as a PDF, laid out by OpenPDF from the briefing itself, with the same sections and
 * wording as {@link BriefingDocument}'s HTML. The marking stands at the top and the bottom of every page, as
 * on classified paper, so that a page printed or passed on alone still carries it. (No HTML-to-PDF renderer
 * is available to the build; laying out from the record keeps one source of content all the same.)
 */
public final class BriefingPdf {

    private static final Color MARKING = new Color(0x99, 0, 0);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font SECTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font WHY = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8.5f, new Color(0x55, 0x55, 0x55));
    private static final Font MARK = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10, MARKING);

    private BriefingPdf() {
    }

    /** The briefing as PDF bytes. */
    public static byte[] pdf(Briefing b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            String marking = b.marking().label().toUpperCase(Locale.ROOT);
            writer.setPageEvent(new Marking(marking));
            document.addTitle("Horizon scan " + b.from() + " to " + b.to());
            document.addSubject(marking);
            document.open();
            document.add(new Paragraph("Horizon scan", TITLE));
            document.add(new Paragraph(b.from() + " to " + b.to(), TEXT));
            countries(document, b);
            risers(document, b);
            signals(document, b);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the briefing's PDF could not be laid out", e);
        }
        return out.toByteArray();
    }

    private static void countries(Document document, Briefing b) throws DocumentException {
        section(document, "Alerts and warnings");
        if (b.countries().isEmpty()) {
            document.add(new Paragraph("No country was at warning or alert in this period.", TEXT));
        }
        for (Briefing.BriefedCountry c : b.countries()) {
            CountryLine s = c.standing();
            heading(document, s.name() + " (" + s.country() + "): " + c.highest().label());
            document.add(new Paragraph("Now " + s.level().label() + ", score " + BriefingDocument.number(s.score()) + " ("
                    + BriefingDocument.signed(s.change()) + ") on " + s.day(), TEXT));
            if (s.whyLevel() != null) {
                document.add(new Paragraph(BriefingDocument.capitalised(s.whyLevel().explanation()) + ".", WHY));
            }
            evidence(document, c.evidence());
        }
    }

    private static void risers(Document document, Briefing b) throws DocumentException {
        section(document, "Top risers");
        if (b.risers().isEmpty()) {
            document.add(new Paragraph("No country's score rose in this period.", TEXT));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {4, 1.2f, 1.2f, 1.5f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (String header : List.of("Country", "Score", "Change", "Level")) {
            table.addCell(cell(header, HEADING));
        }
        table.setHeaderRows(1);
        for (CountryLine r : b.risers()) {
            table.addCell(cell(r.name() + " (" + r.country() + ")", TEXT));
            table.addCell(cell(BriefingDocument.number(r.score()), TEXT));
            table.addCell(cell(BriefingDocument.signed(r.change()), TEXT));
            table.addCell(cell(r.level().label(), TEXT));
        }
        document.add(table);
    }

    private static void signals(Document document, Briefing b) throws DocumentException {
        section(document, "New and escalating signals");
        if (b.alerts().isEmpty()) {
            document.add(new Paragraph("No new or escalating signals in this period.", TEXT));
        }
        for (Briefing.BriefedSignal alert : b.alerts()) {
            Signal s = alert.signal().signal();
            heading(document, s.headline() + ", " + BriefingDocument.number(s.score()));
            document.add(new Paragraph(s.day() + " · " + s.detection().indicator() + " · observed "
                    + BriefingDocument.number(s.detection().observed()) + " against "
                    + BriefingDocument.number(s.detection().baseline()) + " expected" + BriefingDocument.status(alert),
                    TEXT));
            evidence(document, alert.evidence());
        }
    }

    private static void evidence(Document document, List<Report> evidence) throws DocumentException {
        for (Report r : evidence) {
            Paragraph item = new Paragraph();
            item.setIndentationLeft(14);
            item.setSpacingBefore(2);
            item.add(new Chunk("[" + r.classification().label() + "] " + r.sourceKind().label() + " · "
                    + r.publishedAt().toString().substring(0, 10) + " · " + BriefingDocument.nullToEmpty(r.title()), TEXT));
            String url = EvidenceLink.webLink(r);
            if (url != null) {
                item.add(new Chunk(" · source", TEXT).setAnchor(url));
            }
            String excerpt = BriefingDocument.excerpt(r);
            if (!excerpt.isEmpty()) {
                item.add(Chunk.NEWLINE);
                item.add(new Chunk(excerpt, SMALL));
            }
            document.add(item);
        }
    }

    private static void section(Document document, String title) throws DocumentException {
        Paragraph p = new Paragraph(title, SECTION);
        p.setSpacingBefore(14);
        p.setSpacingAfter(2);
        document.add(p);
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(8);
        document.add(p);
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(Color.LIGHT_GRAY);
        cell.setPadding(3);
        return cell;
    }

    /** Writes the marking at the top and the bottom of each page as it is finished. */
    private static final class Marking extends PdfPageEventHelper {

        private final String text;

        Marking(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float x = (document.left() + document.right()) / 2;
            Phrase marking = new Phrase(text, MARK);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, marking, x,
                    document.top() + 25, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, marking, x,
                    document.bottom() - 30, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase("page " + writer.getPageNumber(), SMALL), document.right(), document.bottom() - 30, 0);
        }
    }
}
