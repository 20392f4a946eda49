package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseStatus;
import app.rungs.shared.domain.DateTexts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The facts both exports show on their first page, and small wording shared by them. */
final class PacketFacts {

    record Fact(String label, String value) {}

    private PacketFacts() {}

    static List<Fact> of(CaseDetails d, LocalDate today) {
        var p = d.packet();
        var facts = new ArrayList<Fact>();
        facts.add(new Fact("Engineer", d.engineerName()));
        facts.add(new Fact("Current level", p.currentLevelKey() + " · " + p.currentLevelTitle()));
        facts.add(new Fact("Target level", p.targetLevelKey() + " · " + p.targetLevelTitle()));
        if (!p.ladderName().isBlank()) {
            facts.add(new Fact("Ladder", p.ladderName()));
        }
        facts.add(new Fact("Cycle", d.cycle()));
        facts.add(new Fact("Status", d.status().label()));
        facts.add(new Fact("Nominated by", d.nominatedByName() + (d.selfNominated() ? " (self-nomination)" : "")));
        facts.add(new Fact("Opened", date(d.createdAt())));
        if (d.status().decided()) {
            facts.add(new Fact("Decision", decision(d)));
        }
        facts.add(new Fact(
                "Packet",
                p.frozen() ? "As it entered calibration on " + date(p.asOf()) : "Live, as of " + date(today)));
        return facts;
    }

    /** Missing expectations grouped by area, in packet order: area name → competency names. */
    static java.util.Map<String, List<String>> byArea(List<Packet.Missing> missing) {
        var map = new java.util.LinkedHashMap<String, List<String>>();
        for (var m : missing) {
            map.computeIfAbsent(m.areaName(), k -> new ArrayList<>()).add(m.competencyName());
        }
        return map;
    }

    static String decision(CaseDetails d) {
        if (d.status() == CaseStatus.APPROVED) {
            return "Approved on " + date(d.decidedAt()) + ", effective " + date(d.effectiveDate());
        }
        if (d.status() == CaseStatus.NOT_YET) {
            return "Not yet (decided on " + date(d.decidedAt()) + ")";
        }
        return d.status().label();
    }

    static String verdict(CaseDetails.Reviewer r) {
        if (r.verdictHidden()) {
            return "verdict for the committee";
        }
        return r.signOff() == null ? "not signed off yet" : r.signOff().label() + " (" + date(r.signedAt()) + ")";
    }

    static String pending(int count) {
        return count == 1 ? "(1 more item not acknowledged yet)" : "(" + count + " more items not acknowledged yet)";
    }

    static String date(LocalDate date) {
        return date == null ? "—" : DateTexts.date(date);
    }

    static String date(Instant instant) {
        return instant == null ? "—" : DateTexts.date(instant);
    }
}
