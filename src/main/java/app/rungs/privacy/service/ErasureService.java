package app.rungs.privacy.service;

import app.rungs.audit.service.AuditService;
import app.rungs.audit.service.PersonalDataRedaction;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR Art. 17 erasure of a person who has left (docs/decisions/0009-audit-hash-chain.md): their identity and the
 * free text they own are removed or pseudonymized as "Former employee #id" in one transaction, while level history,
 * ratings and promotion outcomes stay as identity-free aggregates and the audit chain stays valid.
 *
 * <p>Erasure spans the tables of many features, so it works in SQL like a migration does rather than through each
 * feature's service: one place lists every column that holds a person's data, and a final sweep replaces any
 * remaining mention of their name, email or username in every text column (tables added later are covered too).
 */
@Service
public class ErasureService implements PersonAnonymizer {

    static final String REMOVED_COMMENT = "(comment removed: the author's personal data was erased)";
    static final String ERASED_TEXT = "(erased)";

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final AccountService accounts;
    private final ErasureSweep sweep;

    ErasureService(JdbcTemplate jdbc, AuditService audit, AccountService accounts, ErasureSweep sweep) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.sweep = sweep;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public boolean isErased(Long personId) {
        return Boolean.TRUE.equals(jdbc.query(
                "select erased_at is not null from person where id = ?",
                rs -> rs.next() && rs.getBoolean(1),
                personId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public ErasurePreview preview(Long personId) {
        var person = person(personId, false);
        return new ErasurePreview(
                personId,
                person.fullName,
                person.active,
                person.erased,
                person.leftDate,
                count("select count(*) from app_user where person_id = ?", personId) > 0,
                count("select count(*) from evidence_item where owner_id = ?", personId),
                count(
                        "select count(*) from evidence_attachment a join evidence_item i on i.id = a.evidence_id"
                                + " where i.owner_id = ?",
                        personId),
                count(
                        "select (select count(*) from evidence_comment where author_person_id = ?)"
                                + " + (select count(*) from promotion_comment where author_person_id = ?)",
                        personId,
                        personId),
                count("select count(*) from promotion_case where engineer_id = ?", personId),
                count("select count(*) from calibration_entry where person_id = ?", personId),
                count("select count(*) from notification where person_id = ?", personId));
    }

    /** The retention job's way in: erases a person who left unless that already happened. */
    @Override
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public boolean anonymize(Long personId) {
        if (isErased(personId)) {
            return false;
        }
        erase(personId);
        return true;
    }

    /**
     * Erases the personal data of a person who has left. Refused, changing nothing, for active or already erased
     * people.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public ErasureResult erase(Long personId) {
        var person = person(personId, true);
        var preview = preview(personId);
        if (preview.refusal() != null) {
            throw new ValidationException(preview.refusal());
        }
        var pseudonym = ErasurePreview.pseudonymOf(personId);
        var account = jdbc
                .query(
                        "select username, display_name from app_user where person_id = ?",
                        (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                        personId)
                .stream()
                .findFirst()
                .orElse(null);
        Set<String> usernames = new LinkedHashSet<>();
        usernames.add(person.email.toLowerCase(Locale.ROOT));
        Set<String> names = new LinkedHashSet<>();
        names.add(person.fullName);
        if (account != null) {
            usernames.add(account[0].toLowerCase(Locale.ROOT));
            names.add(account[1]);
        }
        var objects = objects(personId, account == null ? null : accountId(personId));

        removeOwnContent(personId, pseudonym);
        var accountDeleted = account != null;
        if (accountDeleted) {
            accounts.endSessions(account[0]);
            jdbc.update("delete from app_user where person_id = ?", personId);
        }
        pseudonymizeRoles(personId, pseudonym, usernames);
        int notifications = jdbc.update("delete from notification where person_id = ?", personId);
        // The identity provider's ids of the person (SCIM externalId, employee number) are personal data too.
        jdbc.update("delete from provisioned_person where person_id = ?", personId);
        // Self-reported demographics (issue 16) go entirely: no pseudonymized answers stay behind.
        jdbc.update("delete from person_demographics where person_id = ?", personId);
        jdbc.update(
                "update person set full_name = ?, email = ?, job_title = null, erased_at = now(),"
                        + " version = version + 1 where id = ?",
                pseudonym,
                "erased-" + personId + "@erased.invalid",
                personId);
        var pattern = ErasureSweep.pattern(usernames, names);
        int otherFields = sweep.replaceEverywhere(pattern, pseudonym);

        var kinds = new LinkedHashMap<String, Object>();
        kinds.put("pseudonym", pseudonym);
        kinds.put("leftDate", person.leftDate == null ? null : person.leftDate.toString());
        kinds.put("name", true);
        kinds.put("email", true);
        kinds.put("account", accountDeleted);
        kinds.put("evidenceItems", preview.evidenceItems());
        kinds.put("attachments", preview.attachments());
        kinds.put("comments", preview.comments());
        kinds.put("promotionCaseTexts", preview.promotionCases());
        kinds.put("calibrationEntryTexts", preview.calibrationEntries());
        kinds.put("notifications", notifications);
        kinds.put("otherMentions", otherFields);
        int redacted = audit.recordErasure(
                personId,
                "Erased the personal data of " + pseudonym + ": name, email"
                        + (accountDeleted ? ", account" : "")
                        + ", " + preview.evidenceItems() + " evidence items (" + preview.attachments()
                        + " attachments), " + preview.comments() + " comments, texts of " + preview.promotionCases()
                        + " promotion cases and " + preview.calibrationEntries() + " calibration entries",
                kinds,
                new PersonalDataRedaction(pseudonym, List.copyOf(usernames), objects, pattern));
        return new ErasureResult(
                personId,
                pseudonym,
                accountDeleted,
                preview.evidenceItems(),
                preview.attachments(),
                preview.comments(),
                preview.promotionCases(),
                preview.calibrationEntries(),
                notifications,
                otherFields,
                redacted);
    }

    /** Their evidence (with attachments, revisions, comments), their comments elsewhere, texts about them. */
    private void removeOwnContent(Long personId, String pseudonym) {
        jdbc.update("delete from evidence_item where owner_id = ?", personId);
        jdbc.update(
                "update evidence_comment set body = ?, author_name = ? where author_person_id = ?",
                REMOVED_COMMENT,
                pseudonym,
                personId);
        jdbc.update(
                "update promotion_comment set body = ?, author_name = ? where author_person_id = ?",
                REMOVED_COMMENT,
                pseudonym,
                personId);
        // Their growth plan goes (notes cascade); their notes on others' plans keep their place, not their words.
        jdbc.update("delete from growth_goal where person_id = ?", personId);
        jdbc.update(
                "update growth_note set body = ?, author_name = ? where author_person_id = ?",
                REMOVED_COMMENT,
                pseudonym,
                personId);
        // Their promotion cases keep status, levels, cycle and dates (outcome counts); the texts about them go.
        var cases = "select id from promotion_case where engineer_id = ?";
        jdbc.update("delete from promotion_narrative where case_id in (" + cases + ")", personId);
        jdbc.update("delete from promotion_not_met where case_id in (" + cases + ")", personId);
        jdbc.update("delete from promotion_comment where case_id in (" + cases + ")", personId);
        jdbc.update("update promotion_reviewer set sign_off_comment = null where case_id in (" + cases + ")", personId);
        jdbc.update("update promotion_event set note = null where case_id in (" + cases + ")", personId);
        jdbc.update(
                "update promotion_case set engineer_name = ?, justification = ?,"
                        + " closing_note = case when closing_note is null then null else ? end,"
                        + " frozen_packet = null, version = version + 1 where engineer_id = ?",
                pseudonym,
                ERASED_TEXT,
                ERASED_TEXT,
                personId);
        // Their calibration entries keep ratings and decisions; rationale, feedback and notes about them go.
        jdbc.update(
                "update calibration_change set from_value = null, to_value = null"
                        + " where field in ('RATIONALE', 'FEEDBACK', 'NOTES')"
                        + " and entry_id in (select id from calibration_entry where person_id = ?)",
                personId);
        jdbc.update(
                "update calibration_entry set person_name = ?,"
                        + " proposal_rationale = case when proposal_rationale is null then null else ? end,"
                        + " feedback = null, notes = null, version = version + 1 where person_id = ?",
                pseudonym,
                ERASED_TEXT,
                personId);
        jdbc.update("update level_assignment set note = null where person_id = ?", personId);
    }

    /** Where they acted for others (manager, reviewer, facilitator) the record stays, signed by the pseudonym. */
    private void pseudonymizeRoles(Long personId, String pseudonym, Set<String> usernames) {
        var lowered = String.join("\n", usernames);
        var isTheirs = " = any(string_to_array(?, chr(10)))";
        jdbc.update(
                "update promotion_case set nominated_by_name = ?, version = version + 1"
                        + " where nominated_by_person_id = ?",
                pseudonym,
                personId);
        jdbc.update("update promotion_reviewer set person_name = ? where person_id = ?", pseudonym, personId);
        jdbc.update("update calibration_participant set person_name = ? where person_id = ?", pseudonym, personId);
        jdbc.update(
                "update calibration_entry set manager_name = ?, version = version + 1 where manager_id = ?",
                pseudonym,
                personId);
        jdbc.update(
                "update calibration_session set facilitator_name = ?, facilitator_username = ?,"
                        + " version = version + 1 where facilitator_person_id = ?",
                pseudonym,
                pseudonym,
                personId);
        jdbc.update("delete from calibration_presence where lower(username)" + isTheirs, lowered);
        jdbc.update(
                "update calibration_change set actor_username = ?, actor_name = ? where lower(actor_username)"
                        + isTheirs,
                pseudonym,
                pseudonym,
                lowered);
    }

    private List<String> objects(Long personId, Long accountId) {
        var objects = new ArrayList<String>();
        objects.add("Person/" + personId);
        if (accountId != null) {
            objects.add("Account/" + accountId);
        }
        jdbc.queryForList("select id from evidence_item where owner_id = ?", Long.class, personId)
                .forEach(id -> objects.add("Evidence/" + id));
        jdbc.queryForList("select id from promotion_case where engineer_id = ?", Long.class, personId)
                .forEach(id -> objects.add("PromotionCase/" + id));
        jdbc.queryForList("select id from calibration_entry where person_id = ?", Long.class, personId)
                .forEach(id -> objects.add("CalibrationEntry/" + id));
        return objects;
    }

    private Long accountId(Long personId) {
        return jdbc.queryForObject("select id from app_user where person_id = ?", Long.class, personId);
    }

    private record PersonRow(String fullName, String email, boolean active, boolean erased, LocalDate leftDate) {}

    private PersonRow person(Long personId, boolean lock) {
        return jdbc
                .query(
                        "select full_name, email, active, erased_at is not null, left_date from person where id = ?"
                                + (lock ? " for update" : ""),
                        (rs, n) -> {
                            Date left = rs.getDate(5);
                            return new PersonRow(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    rs.getBoolean(4),
                                    left == null ? null : left.toLocalDate());
                        },
                        personId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Person not found"));
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
