package dev.baton.reliability;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class loader that answers a few named service files from a copy it read once from its parent
 * (all of the parent's files of that name, in the parent's order) and asks its parent for
 * everything else. ServiceLoader reads a service file again, from every jar, each time it is
 * asked; with this loader as the thread's context loader it reads the copy.
 */
class ServiceFileCopies extends ClassLoader {

    static {
        // request threads load classes through it at the same time; without this, one lock serializes them
        registerAsParallelCapable();
    }

    private final List<String> copied;
    private final Map<String, URL> copies = new ConcurrentHashMap<>();

    ServiceFileCopies(ClassLoader parent, List<String> copied) {
        super(parent);
        this.copied = List.copyOf(copied);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!copied.contains(name)) {
            return super.getResources(name);
        }
        try {
            return Collections.enumeration(List.of(copies.computeIfAbsent(name, this::copy)));
        } catch (UncheckedIOException unreadable) {
            throw unreadable.getCause();
        }
    }

    private URL copy(String name) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            for (URL file : Collections.list(getParent().getResources(name))) {
                try (InputStream in = file.openStream()) {
                    in.transferTo(all);
                }
                all.write('\n');
            }
            byte[] content = all.toByteArray();
            return new URL(null, "copy:" + name, new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {
                            connected = true;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(content);
                        }
                    };
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
