package dev.baton.metrics;

import dev.baton.metrics.Kpis.Timeline;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes KPI rows as CSV for spreadsheets and BI tools: one column per record component, a
 * header row, RFC 4180 quoting. A timeline is written as its entries; a problem as one row.
 */
public class CsvMessageConverter extends AbstractGenericHttpMessageConverter<Object> {

    public static final String TEXT_CSV_VALUE = "text/csv";
    public static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);

    public CsvMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return clazz.isRecord() || Collection.class.isAssignableFrom(clazz) || ProblemDetail.class.isAssignableFrom(clazz);
    }

    @Override
    protected void writeInternal(Object body, Type type, HttpOutputMessage output) throws IOException {
        output.getHeaders().setContentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        if (body instanceof ProblemDetail problem) {
            out.write("status,title,detail\r\n");
            out.write(problem.getStatus() + "," + cell(problem.getTitle()) + "," + cell(problem.getDetail()) + "\r\n");
        } else if (body instanceof Timeline timeline) {
            rows(out, timeline.entries(), Kpis.TimelineEntry.class);
        } else if (body instanceof Kpis.ProgramTrend trend) {
            rows(out, trend.reviews(), dev.baton.ledger.ProgramReviewRecord.class);
        } else if (body instanceof Collection<?> rows) {
            rows(out, rows, elementType(type, rows));
        } else {
            rows(out, List.of(body), body.getClass());
        }
        out.flush();
    }

    /** Records as CSV text, for answers written outside Spring MVC (Cockpit's plugin resources). */
    public static String csv(Collection<?> rows, Class<?> recordType) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            rows(out, rows, recordType);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void rows(Writer out, Collection<?> rows, Class<?> recordType) throws IOException {
        if (recordType == null || !recordType.isRecord()) {
            return;
        }
        RecordComponent[] columns = recordType.getRecordComponents();
        StringBuilder header = new StringBuilder();
        for (RecordComponent c : columns) {
            header.append(header.isEmpty() ? "" : ",").append(c.getName());
        }
        out.write(header + "\r\n");
        for (Object row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.length; i++) {
                line.append(i == 0 ? "" : ",").append(cell(value(columns[i], row)));
            }
            out.write(line + "\r\n");
        }
    }

    private static Object value(RecordComponent column, Object row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + column.getName(), e);
        }
    }

    /** Nested lists (return reasons) become one cell: "reason (2); other (1)". */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text;
        if (value instanceof Collection<?> items) {
            text = items.stream().map(CsvMessageConverter::describe).collect(Collectors.joining("; "));
        } else {
            text = describe(value);
        }
        if (!(value instanceof Number) && startsLikeAFormula(text)) {
            // a spreadsheet would run "=HYPERLINK(...)" typed into a reason or a name as a formula
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean startsLikeAFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    private static String describe(Object value) {
        if (value instanceof Kpis.ReasonCount reason) {
            return reason.reason() + " (" + reason.count() + ")";
        }
        return String.valueOf(value);
    }

    private static Class<?> elementType(Type type, Collection<?> rows) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return rows.isEmpty() ? null : rows.iterator().next().getClass();
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written only", input);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written only", input);
    }
}
