/**
 * The read side's views: what the dashboard, the API, the briefings and the feeds show, as typed records
 * built from the index's {@code schema} records ({@link nl.horizon.app.web.Situation} builds them under
 * the caller's clearance). Jackson writes them as the JSON the browser reads, so renaming a field of a
 * {@code schema} record breaks the compilation of every view that shows it, and no view reads JSON.
 */
package nl.horizon.app.views;
