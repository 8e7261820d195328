package nl.horizon.app.views;

import nl.horizon.schema.Report;
import nl.horizon.schema.TriageDecision;

import java.util.List;

/** A signal's page: the evidence the caller may read (corroborating reports first) and every triage decision, oldest first. */
public record SignalPage(SignalLine signal, List<Report> evidence, List<TriageDecision> decisions) {
}
