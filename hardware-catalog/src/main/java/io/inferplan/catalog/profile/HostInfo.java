package io.inferplan.catalog.profile;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the profiler ran on. */
public record HostInfo(String hostName, String operatingSystem, String cpuModel, int logicalCpus, long memoryBytes) {

    /** Reads what the OS tells without elevated rights; anything unreadable is left blank or 0. */
    public static HostInfo probe() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "");
        }
        String os = System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " " + System.getProperty("os.arch", "");
        return new HostInfo(host, os.strip(), readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryBytes());
    }

    private static String readCpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        String env = System.getenv("PROCESSOR_IDENTIFIER");
        return env == null ? "" : env;
    }

    private static long readMemoryBytes() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.split("\\s+");
                try {
                    return Long.parseLong(parts[1]) * 1024;
                } catch (RuntimeException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
