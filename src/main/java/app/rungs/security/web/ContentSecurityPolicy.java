package app.rungs.security.web;

/**
 * The Content-Security-Policy Rungs sends: as strict as Vaadin Flow allows.
 *
 * <ul>
 *   <li>Scripts only from this origin plus the bootstrap page's inline scripts, which carry the per-response nonce;
 *       injected inline scripts and event-handler attributes are refused. {@code 'unsafe-eval'} stays: Flow's client
 *       engine runs the JavaScript the server sends (executeJs, event data expressions) through {@code new Function}.
 *   <li>Styles need {@code 'unsafe-inline'}: Flow sets style attributes and the web components inject style tags.
 *   <li>{@code connect-src 'self'} covers the UIDL requests and the @Push websocket (ws:/wss: of this origin).
 *   <li>Images and fonts from this origin plus {@code data:} (icons, avatars) and {@code blob:} (generated
 *       downloads and previews).
 * </ul>
 */
public final class ContentSecurityPolicy {

    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()";

    private ContentSecurityPolicy() {}

    public static String withNonce(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "media-src 'self' blob:; "
                + "worker-src 'self'; "
                + "manifest-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }
}
