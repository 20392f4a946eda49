package app.rungs.shared.ui.charts;

/**
 * A click on a data item of a chart or on a row of its data table: the series (e.g. a rating, "Covered") and the
 * category (e.g. a level key, a team name) the item belongs to, as the option's data keys name them.
 */
public record ChartClick(String series, String category) {}
