package io.inferplan.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example scenarios of the samples module ({@code io/inferplan/samples/*.json}), found on the module path
 * (the app) or the class path (tests), and the app's own template for a new scenario.
 */
public final class SampleLibrary {
    private static final String FOLDER = "io/inferplan/samples/";
    private static final String MODULE = "io.inferplan.samples";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleLibrary() {
    }

    /** Name and document of every sample, in file-name order. */
    public static List<Map.Entry<String, String>> samples() {
        List<Map.Entry<String, String>> files = new ArrayList<>(readAll());
        List<String> order = indexOrder(files);
        files.sort(Comparator.comparingInt((Map.Entry<String, String> f) -> {
            int at = order.indexOf(f.getKey());
            return at < 0 ? Integer.MAX_VALUE : at;
        }).thenComparing(Map.Entry::getKey));
        List<Map.Entry<String, String>> found = new ArrayList<>();
        for (Map.Entry<String, String> file : files) {
            if (isScenario(file.getValue())) {
                found.add(new AbstractMap.SimpleEntry<>(nameOf(file.getValue(), file.getKey()), file.getValue()));
            }
        }
        return found;
    }

    /** The samples' own order (index.json lists them, the most telling first), when the module has one. */
    private static List<String> indexOrder(List<Map.Entry<String, String>> files) {
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, String> file : files) {
            if (file.getKey().equals("index.json")) {
                try {
                    MAPPER.readTree(file.getValue()).path("samples").forEach(sample -> order.add(sample.path("file").asText()));
                } catch (IOException e) {
                    // Without a readable index the samples keep file-name order.
                }
            }
        }
        return order;
    }

    /** A scenario document (not the index or another helper file): it has a workload. */
    private static boolean isScenario(String json) {
        try {
            return MAPPER.readTree(json).has("workload");
        } catch (IOException e) {
            return false;
        }
    }

    /** The document a "New scenario" starts from: valid, so the dashboard is never empty. */
    public static String newScenarioJson() {
        try (InputStream in = SampleLibrary.class.getResourceAsStream("new-scenario.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String nameOf(String json, String fileName) {
        try {
            JsonNode name = MAPPER.readTree(json).get("name");
            if (name != null && !name.asText().isBlank()) {
                return name.asText();
            }
        } catch (IOException e) {
            // Not JSON: fall back to the file name; evaluating it will say what is wrong.
        }
        return fileName.replace(".json", "").replace('-', ' ');
    }

    private static List<Map.Entry<String, String>> readAll() {
        Optional<ResolvedModule> module = ModuleLayer.boot().configuration().findModule(MODULE);
        try {
            return module.isPresent() ? fromModule(module.get()) : fromClassPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample scenarios: " + e.getMessage(), e);
        }
    }

    private static List<Map.Entry<String, String>> fromModule(ResolvedModule module) throws IOException {
        List<Map.Entry<String, String>> files = new ArrayList<>();
        try (ModuleReader reader = module.reference().open(); Stream<String> names = reader.list()) {
            for (String name : names.filter(SampleLibrary::isSample).sorted().toList()) {
                try (InputStream in = reader.open(name).orElseThrow()) {
                    files.add(new AbstractMap.SimpleEntry<>(name.substring(FOLDER.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return files;
    }

    private static List<Map.Entry<String, String>> fromClassPath() throws IOException {
        URL folder = SampleLibrary.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readFolder(jar.getPath(FOLDER));
                }
            }
            return readFolder(Path.of(uri));
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static List<Map.Entry<String, String>> readFolder(Path folder) throws IOException {
        List<Map.Entry<String, String>> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                files.add(new AbstractMap.SimpleEntry<>(path.getFileName().toString(), Files.readString(path)));
            }
        }
        return files;
    }

    private static boolean isSample(String name) {
        return name.startsWith(FOLDER) && name.endsWith(".json") && name.indexOf('/', FOLDER.length()) < 0;
    }
}
