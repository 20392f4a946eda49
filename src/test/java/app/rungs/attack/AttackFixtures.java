package app.rungs.attack;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh accounts and addresses per test, so no test locks out the demo accounts or another test. */
final class AttackFixtures {

    static final String PASSWORD = "attack-fixture-pass-2026";

    private AttackFixtures() {}

    static String newAccount(AccountService accounts, Set<Role> roles) {
        var name = "attack-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SystemAuthentication.run(() -> accounts.create(name, "Attack Target", PASSWORD, roles, null));
        return name;
    }

    /** A random address from the documentation range 198.51.100.0/24 plus a random second octet set. */
    static String newAddress() {
        var r = ThreadLocalRandom.current();
        // A loopback address of its own (all of 127.0.0.0/8 is this machine): the client binds to it, so the server
        // sees it as the source address without trusting any forwarding header.
        return "127." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(2, 255);
    }

    static void forgetThrottle(JdbcClient jdbc, String... subjects) {
        for (var s : subjects) {
            jdbc.sql("delete from login_throttle where subject = ? or subject like ? or subject like ?")
                    .params(s, s + " %", "% " + s)
                    .update();
        }
    }
}
