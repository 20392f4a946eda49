package app.rungs.promotion.ui;

import app.rungs.promotion.service.PromotionSettingsService;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.checkbox.Checkbox;

/** The admin's switch: whether engineers read reviewers' verdicts on their own cases (off by default). */
class VerdictSetting extends Checkbox {

    private long version;

    VerdictSetting(PromotionSettingsService settings) {
        super("Engineers see reviewers' verdicts on their case");
        var current = settings.settings();
        version = current.version();
        setValue(current.verdictsShownToEngineer());
        setTooltipText("Verdicts such as \"Has concerns\"; reviewers' comments stay with the committee.");
        addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            boolean saved = Toasts.attempt(() -> settings.showVerdictsToEngineer(e.getValue(), version));
            var now = settings.settings();
            version = now.version();
            setValue(now.verdictsShownToEngineer());
            if (saved) {
                Toasts.success(
                        now.verdictsShownToEngineer()
                                ? "Engineers now see reviewers' verdicts"
                                : "Reviewers' verdicts are for the committee only");
            }
        });
    }
}
