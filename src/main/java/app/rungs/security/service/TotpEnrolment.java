package app.rungs.security.service;

/** A TOTP secret being enrolled, and the otpauth:// URI that carries it to an authenticator app. */
public record TotpEnrolment(String secret, String otpauthUri) {}
