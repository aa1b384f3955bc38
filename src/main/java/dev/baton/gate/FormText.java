package dev.baton.gate;

/**
 * User text that Baton puts into the Markdown a form shows (handoff history, learnings, the reason
 * a gate came back): escaped, so that it shows as typed and never as markup, and bounded, so that
 * the variable always fits Camunda's 4,000-character text column however long a campaign runs.
 */
public final class FormText {

    /** Room for one form variable, under Camunda's varchar(4000). */
    public static final int STORABLE = 3900;
    /** What would turn inline text into emphasis, code, links, images or tables. */
    private static final String MARKDOWN_PUNCTUATION = "\\`*_[]|~";

    private FormText() {
    }

    /** The text on one line, Markdown and HTML characters escaped, at most {@code max} characters of it. */
    public static String escaped(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").trim();
        if (line.length() > max) {
            line = line.substring(0, max).trim() + "…";
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (char c : line.toCharArray()) {
            if (out.length() > STORABLE - 8) {
                out.append('…');
                break;
            }
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else {
                if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Markdown lines, cut before {@link #STORABLE} at a line break, saying where the rest is. */
    public static String bounded(String markdown, String rest) {
        if (markdown.length() <= STORABLE) {
            return markdown;
        }
        int cut = markdown.lastIndexOf('\n', STORABLE - rest.length() - 2);
        return markdown.substring(0, Math.max(cut, 0)) + "\n" + rest + "\n";
    }
}
