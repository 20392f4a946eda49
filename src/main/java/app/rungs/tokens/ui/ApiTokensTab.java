package app.rungs.tokens.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.security.service.ApiTokenService;
import app.rungs.security.service.CurrentUser;
import com.vaadin.flow.component.Component;

/** Puts {@link ApiTokensSection} on the signed-in user's own person page ("My profile"), never on anyone else's. */
@org.springframework.stereotype.Component
class ApiTokensTab implements PersonPageTab {

    private final ApiTokenService tokens;

    ApiTokensTab(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String label() {
        return "API tokens";
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.id().equals(CurrentUser.require().personId());
    }

    @Override
    public Component create(PersonDetails person) {
        return new ApiTokensSection(tokens);
    }
}
