package app.rungs.security.service;

/** A token just created: the only moment its secret exists outside the client that receives it. */
public record CreatedApiToken(ApiTokenRow token, String secret) {

    @Override
    public String toString() {
        // Keeps the secret out of logs and debugger summaries.
        return "CreatedApiToken[" + token.id() + "]";
    }
}
