package app.rungs.scim.service;

/** A token just created: the secret is in here once and nowhere else, ever. */
public record NewScimToken(ScimTokenView token, String secret) {}
