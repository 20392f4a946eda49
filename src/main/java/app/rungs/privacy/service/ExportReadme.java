package app.rungs.privacy.service;

/** README.txt of every export: the format, field by field, for the person and for whoever imports it elsewhere. */
final class ExportReadme {

    private ExportReadme() {}

    static final String TEXT = """
            Rungs personal data export
            ==========================

            This archive holds the personal data Rungs keeps about one person (GDPR Art. 15 right of access and
            Art. 20 data portability). Every document is JSON (UTF-8); dates are ISO-8601 (YYYY-MM-DD), instants
            are ISO-8601 in UTC (2026-11-29T21:17:04Z).

            manifest.json            format ("rungs-personal-data-export"), formatVersion (1), generatedAt,
                                     personId, personName, exportedBy (the username who downloaded it), scope
                                     (SELF: the person's own download; ADMIN: made by an admin, same content;
                                     ADMIN_INTERNAL: made by an admin with the internal/ folder), files (every
                                     entry of this archive) and counts per kind of data.
            profile.json             the person record: name, email, job title, team, manager, ladder and level,
                                     level since, specialization and axes, start date, active/left date, direct
                                     reports (id and name) and levelHistory (every level change: ladderId,
                                     levelKey, effectiveDate, reason HIRE/PROMOTION/CORRECTION/LADDER_MIGRATION,
                                     decidedBy, promotionCaseId, note).
            account.json             the sign-in account linked to the person: id, username, displayName, roles,
                                     enabled, colorScheme, createdAt, lastLoginAt. Never the password hash or any
                                     other secret. Missing when the person has no account.
            evidence/<id>/item.json  one evidence item: type, title, occurredOn, description, impact, levelKey,
                                     competencyKeys, links, details (type-specific fields), status
                                     (DRAFT/SUBMITTED/ACKNOWLEDGED/RETURNED), revision, review fields, comments
                                     (kind, authorName, body, createdAt), revisions (earlier acknowledged
                                     snapshots) and attachments (metadata; "path" names the file in this archive).
            evidence/<id>/attachments/<attachmentId>-<file name>
                                     the uploaded files, byte for byte.
            promotion-cases.json     every promotion case about the person, as the person sees it in Rungs:
                                     cycle, status, nomination, justification, closing note, decision, packet
                                     (evidence per expectation and readiness), reviewers and their verdicts,
                                     timeline and comments. Committee notes, reviewers' comments and notes the
                                     engineer does not see in the app are not included.
            calibration-outcomes.json
                                     published calibration outcomes: session, cycle, final rating, decision,
                                     feedback (for "not yet"), effective date. Never the committee's notes.
            notifications.json       every in-app notification (title, body, link, createdAt, readAt or null).
            audit-events.json        audit log entries where the person is the actor (their username) or the
                                     object (their person record or account): id, occurredAt, actor, action,
                                     objectType, objectId; summary and before/after (JSON) for events about their
                                     own record or account. Where they only acted on someone else's data (for
                                     example a manager acknowledging a report's evidence) summary and
                                     before/after are null: they describe the other person's data.
            internal/                only in an ADMIN_INTERNAL export, for the controller's review of a request
                                     before anything is handed over: promotion-cases.json as the committee sees
                                     them (committee notes, reviewers' comments) and calibration-notes.json
                                     (proposals, rationale and private notes of every calibration session).
                                     These contain other people's opinions about the person; check them for
                                     third-party data (Art. 15(4)) before disclosing them.

            What is not here: data other people entered about their own work (for example comments the person
            wrote on someone else's evidence) stays with that other person's data; aggregate reports do not hold
            personal data beyond what is listed above.
            """;
}
