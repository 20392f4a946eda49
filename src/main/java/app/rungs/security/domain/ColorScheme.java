package app.rungs.security.domain;

/** The user's remembered light or dark theme. */
public enum ColorScheme {
    LIGHT,
    DARK
}
