package io.inferplan.app.workspace;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts a test's main class in a separate JVM on this JVM's class and module path (flattened to a class path). */
final class ChildJvm {
    private ChildJvm() {
    }

    static ProcessBuilder of(Class<?> mainClass, String... args) throws Exception {
        Set<String> path = new LinkedHashSet<>();
        path.add(Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                path.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, path), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
