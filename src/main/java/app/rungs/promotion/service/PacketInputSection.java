package app.rungs.promotion.service;

import java.util.List;

/**
 * One source's section of a packet: a title, a one-line summary and its items (a competency's agreed outcome, a
 * peer's answer, a growth goal). Plain text only: the packet view, the Markdown and the PDF export render it.
 *
 * @param title e.g. "Latest agreed check-in"
 * @param summary one line under the title, e.g. "2026-H2 · agreed 12 Nov 2026 with Daniel Okafor"
 * @param items what the section lists, in order
 */
public record PacketInputSection(String title, String summary, List<Item> items) {

    public PacketInputSection {
        items = List.copyOf(items);
    }

    /**
     * One entry of a section.
     *
     * @param heading e.g. the competency name
     * @param text the main text, e.g. "Meets"
     * @param detail a further line (a note, an example, a date), or null
     */
    public record Item(String heading, String text, String detail) {}
}
