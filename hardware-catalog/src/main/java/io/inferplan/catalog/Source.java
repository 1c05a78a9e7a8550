package io.inferplan.catalog;

import static io.inferplan.engine.Checks.text;

/**
 * A document a catalog figure comes from.
 *
 * @param id    short key the figures refer to (unique within a catalog document)
 * @param title the document as its publisher names it (datasheet, whitepaper, price page)
 * @param url   where it can be read; may be empty for a private quote
 * @param date  when it was published or, for price pages, when it was read (ISO year, year-month or date)
 */
public record Source(String id, String title, String url, String date) {
    public Source {
        id = text("source.id", id);
        title = text("source." + id + ".title", title);
        url = url == null ? "" : url.strip();
        date = text("source." + id + ".date", date);
        if (!date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new io.inferplan.engine.InvalidInputException("source." + id + ".date",
                    "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, was '" + date + "'");
        }
    }

    /** "title (date)" for tables. */
    public String citation() {
        return title + " (" + date + ")";
    }
}
