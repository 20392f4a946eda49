package app.rungs.evidence.ui;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceFields;
import app.rungs.evidence.service.EvidenceFields.Field;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of the chosen evidence type, built from {@link EvidenceFields} and bound with a {@link Binder} to a map
 * of string values (the shape the service takes). Each field shows its own problem, worded by
 * {@link EvidenceFields#problem}, as soon as it is changed and when the editor saves; checks across fields and the
 * final word stay with the service. Values typed for one type are kept while the user tries another.
 */
class EvidenceTypeFieldsForm extends FormLayout {

    private final Div hint = new Div();
    /** Every type-specific value typed so far, across types, so switching types loses nothing. */
    private final Map<String, String> remembered = new HashMap<>();

    private EvidenceType type;
    private List<Field> fields = List.of();
    private Binder<Map<String, String>> binder = new Binder<>();

    EvidenceTypeFieldsForm() {
        setId("evidence-type-fields");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("560px", 2));
        hint.addClassName("muted");
    }

    /** The line above the fields: what choosing a type adds, or that the type has no extra details. */
    Div hint() {
        return hint;
    }

    /** Takes the saved values of the item being edited, to fill the fields once its type is shown. */
    void remember(Map<String, String> saved) {
        remembered.putAll(saved);
    }

    /** Shows the fields of {@code chosen} (none for null), filled with what was typed or saved before. */
    void show(EvidenceType chosen) {
        binder.writeBeanAsDraft(remembered, true);
        binder = new Binder<>();
        removeAll();
        type = chosen;
        fields = chosen == null ? List.of() : EvidenceFields.of(chosen);
        if (chosen == null) {
            hint.setText("Choose a type to add its details: incident, venue and DOI, credential, …");
        } else {
            hint.setText(fields.isEmpty() ? "No extra details for this type." : "");
        }
        hint.setVisible(chosen == null || fields.isEmpty());
        var components = new HashMap<String, HasValue<?, ?>>();
        for (var field : fields) {
            var component = input(field);
            components.put(field.key(), component);
            add((com.vaadin.flow.component.Component) component);
        }
        binder.readBean(remembered);
        if (chosen == EvidenceType.CERTIFICATION) {
            // Picking a known credential fills in its issuer; the service refuses a mismatch anyway.
            @SuppressWarnings("unchecked")
            var issuer = (ComboBox<String>) components.get("issuer");
            components.get("credential").addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    EvidenceFields.issuerOf((String) e.getValue()).ifPresent(issuer::setValue);
                }
            });
        }
    }

    /** The values as the service takes them: in field order, blanks left out. */
    Map<String, String> values() {
        var draft = new HashMap<>(remembered);
        binder.writeBeanAsDraft(draft, true);
        var values = new LinkedHashMap<String, String>();
        for (var field : fields) {
            var value = draft.get(field.key());
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    /** Checks every field, marks the ones with a problem and returns their messages in field order. */
    List<String> validate() {
        return binder.validate().getFieldValidationErrors().stream()
                .map(BindingValidationStatus::getMessage)
                .flatMap(Optional::stream)
                .toList();
    }

    private HasValue<?, ?> input(Field field) {
        var label = field.label();
        HasValue<?, ?> component = switch (field.kind()) {
            case DATE -> {
                var picker = Formats.localize(new DatePicker(label));
                picker.setRequiredIndicatorVisible(field.required());
                binder.forField(picker)
                        .withConverter(EvidenceFields::storedDate, EvidenceFields::parse)
                        .withValidator(rulesOf(field))
                        .bind(v -> v.get(field.key()), setter(field));
                yield picker;
            }
            case CHOICE -> {
                var combo = new ComboBox<String>(label);
                combo.setItems(field.options().stream()
                        .map(EvidenceFields.Option::value)
                        .toList());
                combo.setItemLabelGenerator(v -> field.labelOf(v).orElse(v));
                combo.setRequiredIndicatorVisible(field.required());
                combo.setClearButtonVisible(!field.required());
                bindString(combo, field);
                yield combo;
            }
            case SUGGESTION -> suggestion(field);
            case BOOLEAN -> {
                var box = new Checkbox(label);
                box.addClassName("type-checkbox");
                binder.forField(box)
                        .withConverter(b -> Boolean.TRUE.equals(b) ? "true" : null, "true"::equals)
                        .bind(v -> v.get(field.key()), setter(field));
                yield box;
            }
            case YEAR -> {
                var number = new IntegerField(label);
                number.setMin(1950);
                number.setMax(LocalDate.now().getYear() + 1);
                number.setRequiredIndicatorVisible(field.required());
                number.setPlaceholder(String.valueOf(LocalDate.now().getYear()));
                binder.forField(number)
                        .withConverter(n -> n == null ? null : String.valueOf(n), EvidenceTypeFieldsForm::parseYear)
                        .withValidator(rulesOf(field))
                        .bind(v -> v.get(field.key()), setter(field));
                yield number;
            }
            default -> text(field);
        };
        ((com.vaadin.flow.component.Component) component).setId("evidence-field-" + field.key());
        return component;
    }

    private TextField text(Field field) {
        var text = new TextField(field.label());
        text.setRequiredIndicatorVisible(field.required());
        text.setMaxLength(field.kind() == EvidenceFields.Kind.URL ? 2000 : 300);
        if (field.placeholder() != null && !field.placeholder().isEmpty()) {
            text.setPlaceholder(
                    field.kind() == EvidenceFields.Kind.TEXT ? "e.g. " + field.placeholder() : field.placeholder());
        }
        if (field.kind() == EvidenceFields.Kind.URL) {
            text.setPrefixComponent(VaadinIcon.LINK.create());
            text.setHelperText("http or https");
        }
        if (field.kind() == EvidenceFields.Kind.PATTERN) {
            text.setHelperText("Format: " + field.hint());
        }
        binder.forField(text)
                .withConverter(s -> s == null || s.isBlank() ? null : s.strip(), s -> s == null ? "" : s)
                .withValidator(rulesOf(field))
                .bind(v -> v.get(field.key()), setter(field));
        return text;
    }

    /** A choice among suggestions that also takes a typed value, which then joins the suggestions. */
    private ComboBox<String> suggestion(Field field) {
        var options = new ArrayList<>(
                field.options().stream().map(EvidenceFields.Option::value).toList());
        var combo = new ComboBox<String>(field.label());
        combo.setItems(options);
        combo.setAllowCustomValue(true);
        combo.setRequiredIndicatorVisible(field.required());
        combo.setHelperText("Pick one or type another");
        combo.addCustomValueSetListener(e -> {
            offer(combo, options, e.getDetail());
            combo.setValue(e.getDetail());
        });
        binder.forField(combo)
                .withConverter(v -> v, v -> {
                    offer(combo, options, v);
                    return v;
                })
                .withValidator(rulesOf(field))
                .bind(v -> v.get(field.key()), setter(field));
        return combo;
    }

    private static void offer(ComboBox<String> combo, List<String> options, String value) {
        if (value != null && !options.contains(value)) {
            options.add(value);
            combo.setItems(options);
        }
    }

    private void bindString(ComboBox<String> combo, Field field) {
        binder.forField(combo).withValidator(rulesOf(field)).bind(v -> v.get(field.key()), setter(field));
    }

    /** The field's own rules from {@link EvidenceFields}, with the service's wording. */
    private Validator<String> rulesOf(Field field) {
        var chosen = type;
        return (value, context) -> EvidenceFields.problem(chosen, field, value, LocalDate.now())
                .map(ValidationResult::error)
                .orElseGet(ValidationResult::ok);
    }

    private static com.vaadin.flow.data.binder.Setter<Map<String, String>, String> setter(Field field) {
        return (values, value) -> {
            if (value == null) {
                values.remove(field.key());
            } else {
                values.put(field.key(), value);
            }
        };
    }

    private static Integer parseYear(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
