/*
 * Builds InferPlan's trimmed runtime, app image and native installers. Run by packaging/pom.xml in the
 * "package" profile (./mvnw -Ppackage -DskipTests install) as a single-file Java program, so the same steps
 * work on Linux, Windows and macOS with nothing but the JDK that runs Maven.
 *
 * Steps:
 *  1. Sort the app's runtime jars: JavaFX platform jars (javafx-*-<platform>.jar) become jmods (classes plus
 *     native libraries, so jlink puts the libraries in the runtime's lib/ and JavaFX never unpacks them into
 *     ~/.openjfx); every other jar (explicit and automatic modules) ships on the module path inside the image.
 *  2. Work out the JDK modules: jdeps over every jar, the "requires" of every explicit module, plus the
 *     extras named in the pom. A module that the runtime JDK lacks stops the build with its name.
 *  3. jlink the JDK + JavaFX modules (stripped, compressed; CDS archive of JDK classes only on request).
 *  4. jpackage an app image (target/app-image/<name>), check its launcher runs, add the start-up cache script.
 *  5. jpackage the native packages from that app image: deb (+ rpm where rpmbuild exists) on Linux, msi on
 *     Windows (WiX), dmg on macOS. The Linux packages build the start-up cache (an AOT cache) after installing.
 *
 * Options come in as -Dpkg.<name>=value; see packaging/pom.xml for the list.
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

public class Package {
    enum Os { LINUX, WINDOWS, MAC }

    static final Os OS = detectOs();
    static final Pattern JAVAFX_JAR = Pattern.compile("javafx-([a-z]+)-([0-9][0-9.]*)(?:-([a-z0-9_-]+))?\\.jar");

    final Path jars = path("pkg.jars");
    final Path out = path("pkg.out");
    final Path src = path("pkg.src");
    final Path work = out.resolve("jpackage-work");
    final String name = OS == Os.LINUX ? opt("pkg.name.linux", "inferplan") : opt("pkg.name", "InferPlan");
    final String version = numericVersion(opt("pkg.version", "0.1.0"));
    final String mainModule = opt("pkg.main", "io.inferplan.app/io.inferplan.app.Main");

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        new Package().run();
        log("done in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    void run() throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        Path appMods = work.resolve("mods");
        Path fxJmods = work.resolve("javafx-jmods");
        Files.createDirectories(appMods);
        Files.createDirectories(fxJmods);

        // 1. Sort the jars.
        Set<String> fxModules = new TreeSet<>();
        List<Path> fxJars = new ArrayList<>();
        try (Stream<Path> s = Files.list(jars)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Matcher m = JAVAFX_JAR.matcher(jar.getFileName().toString());
                if (m.matches()) {
                    if (m.group(3) != null) { // the platform jar; the plain one is an empty placeholder
                        fxModules.add("javafx." + m.group(1));
                        fxJars.add(jar);
                        javafxJmod(jar, "javafx." + m.group(1), m.group(2), fxJmods);
                    }
                } else {
                    Files.copy(jar, appMods.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (fxModules.isEmpty()) {
            fail("no JavaFX platform jars (javafx-*-<platform>.jar) in " + jars);
        }
        // Fails on two jars with the same module name, as the launcher would.
        Set<ModuleReference> appRefs = ModuleFinder.of(appMods).findAll();
        log("app module path: %d jars; JavaFX modules for the runtime: %s", appRefs.size(), fxModules);

        // 2. The runtime's modules.
        Set<String> modules = runtimeModules(appMods, fxJars, appRefs, fxModules);
        Files.writeString(out.resolve("runtime-modules.txt"), String.join("\n", modules) + "\n");
        log("runtime modules (%d): %s", modules.size(), String.join(",", modules));

        // 3. jlink.
        Path runtime = work.resolve("runtime");
        List<String> jlink = new ArrayList<>(List.of(
                "--module-path", fxJmods.toString(),
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress", opt("pkg.compress", "zip-9"),
                "--include-locales", opt("pkg.locales", "en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,cs,ja,zh,ko"),
                "--generate-cds-archive",
                "--output", runtime.toString()));
        tool("jlink", jlink);
        trimRuntime(runtime);

        // 4. The app image.
        Path imageRoot = out.resolve("app-image");
        deleteTree(imageRoot);
        List<String> image = new ArrayList<>(List.of(
                "--type", "app-image",
                "--dest", imageRoot.toString(),
                "--name", name,
                "--app-version", version,
                "--runtime-image", runtime.toString(),
                "--module-path", appMods.toString(),
                "--module", mainModule,
                "--description", opt("pkg.description", "InferPlan"),
                "--vendor", opt("pkg.vendor", "InferPlan"),
                "--copyright", opt("pkg.copyright", "")));
        for (String o : javaOptions()) {
            image.add("--java-options");
            image.add(o);
        }
        switch (OS) {
            case LINUX -> image.addAll(List.of("--icon", icon("png/inferplan-256.png")));
            case WINDOWS -> image.addAll(List.of("--icon", icon("inferplan.ico")));
            case MAC -> image.addAll(List.of("--icon", icon("inferplan.icns"),
                    "--mac-package-identifier", opt("pkg.mac.identifier", "io.inferplan.app"),
                    "--mac-package-name", "InferPlan"));
        }
        tool("jpackage", image);
        Path app = imageRoot.resolve(OS == Os.MAC ? name + ".app" : name);
        Path launcher = launcher(app);
        checkLauncher(launcher);
        applyCds(app);
        addStartupCacheScript(app);

        // 5. Native packages, from the finished app image.
        for (String type : packageTypes()) {
            nativePackage(type, app);
        }
        report(app);
    }

    // ---------------------------------------------------------------- modules

    Set<String> runtimeModules(Path appMods, List<Path> fxJars, Set<ModuleReference> appRefs, Set<String> fxModules)
            throws IOException {
        Set<String> system = ModuleFinder.ofSystem().findAll().stream()
                .map(r -> r.descriptor().name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = new TreeSet<>(fxModules);

        // a) jdeps over every jar: the JDK modules that any class refers to (automatic modules included).
        List<String> jdeps = new ArrayList<>(List.of("--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps",
                "--module-path", appMods + java.io.File.pathSeparator + joinPaths(fxJars)));
        try (Stream<Path> s = Files.list(appMods)) {
            s.sorted().forEach(p -> jdeps.add(p.toString()));
        }
        fxJars.forEach(p -> jdeps.add(p.toString()));
        String printed = toolOutput("jdeps", jdeps).lines()
                .filter(l -> !l.startsWith("Warning: split package")) // the jars are both roots and the module path
                .reduce((a, b) -> b).orElse("").trim();
        if (!printed.matches("[a-zA-Z0-9_.,]+")) {
            fail("unexpected jdeps output: " + printed);
        }
        wanted.addAll(Arrays.asList(printed.split(",")));

        // b) what explicit modules require (jdeps lists only what classes use; resolution needs every requires).
        Map<String, String> missing = new LinkedHashMap<>();
        Set<String> appModuleNames = appRefs.stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        for (ModuleReference ref : appRefs) {
            ModuleDescriptor d = ref.descriptor();
            for (ModuleDescriptor.Requires r : d.requires()) {
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    continue;
                }
                String n = r.name();
                if (appModuleNames.contains(n)) {
                    continue;
                }
                if (n.startsWith("javafx.") && !fxModules.contains(n)) {
                    missing.put(n, d.name() + " requires " + n + " but no javafx-" + n.substring(7)
                            + "-<platform>.jar is among the app's dependencies (add it to app/pom.xml)");
                } else if (!n.startsWith("javafx.")) {
                    wanted.add(n);
                }
            }
        }
        // c) extras the code reaches only by reflection or service lookup, named in the pom.
        for (String extra : opt("pkg.extraModules", "").split(",")) {
            if (!extra.isBlank()) {
                wanted.add(extra.trim());
            }
        }
        for (String n : wanted) {
            if (!n.startsWith("javafx.") && !system.contains(n)) {
                missing.put(n, n + " is needed (jdeps/requires/pkg.extraModules) but the JDK at "
                        + System.getProperty("java.home") + " has no such module");
            }
        }
        if (!missing.isEmpty()) {
            fail("the runtime cannot be linked:\n  " + String.join("\n  ", missing.values()));
        }
        return wanted;
    }

    /** Turns a JavaFX platform jar into a jmod: classes and resources, with the native libraries under lib/. */
    void javafxJmod(Path jar, String module, String fxVersion, Path dest) throws IOException {
        Path classes = work.resolve("javafx/" + module + "/classes");
        Path libs = work.resolve("javafx/" + module + "/libs");
        Files.createDirectories(classes);
        Files.createDirectories(libs);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String n = e.getName();
                if (e.isDirectory() || n.startsWith("META-INF/") || n.endsWith(".jar")) {
                    continue; // signatures, manifest, and javafx-swt.jar (SWT interop, not used)
                }
                boolean nativeLib = !n.contains("/") && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"));
                Path target = (nativeLib ? libs : classes).resolve(n);
                Files.createDirectories(target.getParent());
                Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> args = new ArrayList<>(List.of("create", "--class-path", classes.toString(),
                "--module-version", fxVersion));
        try (Stream<Path> s = Files.list(libs)) {
            if (s.findAny().isPresent()) {
                args.addAll(List.of("--libs", libs.toString()));
            }
        }
        args.add(dest.resolve(module + ".jmod").toString());
        tool("jmod", args);
    }

    /** Drops what a desktop app never uses from the linked runtime. */
    void trimRuntime(Path runtime) throws IOException, InterruptedException {
        // The CDS archive for heaps over 32 GB (no compressed oops): 15 MB the app would never map.
        Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));
        // javax.sound (pulls libasound2 into the .deb's dependencies) and the AWT splash screen: never used.
        for (String lib : List.of("libjsound.so", "libsplashscreen.so", "jsound.dll", "splashscreen.dll",
                "libjsound.dylib", "libsplashscreen.dylib")) {
            Files.deleteIfExists(runtime.resolve("lib").resolve(lib));
            Files.deleteIfExists(runtime.resolve("bin").resolve(lib));
        }
        // Tools besides java (keytool, jrunscript...): the launcher is jpackage's own.
        Path bin = runtime.resolve("bin");
        if (Files.isDirectory(bin)) {
            try (Stream<Path> s = Files.list(bin)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (!n.equals("java") && !n.equals("java.exe") && !n.endsWith(".dll")) {
                        Files.delete(p);
                    }
                }
            }
        }
        // Linux: jlink's --strip-debug removes debug sections; the symbol tables can go too (5 MB of libjvm).
        if (OS == Os.LINUX && Boolean.parseBoolean(opt("pkg.stripNative", "true")) && onPath("strip")) {
            List<String> cmd = new ArrayList<>(List.of("strip", "--strip-unneeded"));
            try (Stream<Path> s = Files.walk(runtime.resolve("lib"))) {
                s.filter(p -> p.toString().endsWith(".so")).forEach(p -> {
                    p.toFile().setWritable(true);
                    cmd.add(p.toString());
                });
            }
            exec(cmd, null, Map.of(), 120);
        }
    }

    // ---------------------------------------------------------------- launcher and CDS

    List<String> javaOptions() {
        List<String> o = new ArrayList<>();
        for (String s : opt("pkg.javaOptions", "").split("\\s+")) {
            if (!s.isBlank()) {
                o.add(s);
            }
        }
        o.addAll(startupCacheJavaOptions());
        return o;
    }

    Path launcher(Path app) {
        return switch (OS) {
            case LINUX -> app.resolve("bin/" + name);
            case WINDOWS -> app.resolve(name + ".exe");
            case MAC -> app.resolve("Contents/MacOS/" + name);
        };
    }

    void checkLauncher(Path launcher) throws IOException, InterruptedException {
        Result r = exec(List.of(launcher.toString(), "--version"), null, Map.of(), 120);
        if (r.code != 0 || !r.output.contains("InferPlan")) {
            fail("the packaged launcher failed: " + launcher + " --version exited " + r.code + ":\n" + r.output);
        }
        log("launcher: %s --version -> %s", launcher, r.output.strip().lines().reduce((a, b) -> b).orElse(""));
    }

    /**
     * Class-data sharing for the JDK's own classes: jlink's default archive ({@code pkg.cds=default}) or none
     * ({@code none}, the default: on the GUI it bought nothing measurable and costs 14 MB). The app's classes are
     * covered by the start-up cache that the installed package builds in place (see {@link #startupCache()}).
     */
    void applyCds(Path app) throws IOException {
        String mode = opt("pkg.cds", "none");
        Path runtime = OS == Os.MAC ? app.resolve("Contents/runtime/Contents/Home") : app.resolve(OS == Os.WINDOWS ? "runtime" : "lib/runtime");
        Path archive = runtime.resolve(OS == Os.WINDOWS ? "bin/server/classes.jsa" : "lib/server/classes.jsa");
        if (mode.equals("none")) {
            Files.deleteIfExists(archive);
        }
        log("CDS: %s (pkg.cds=%s)", Files.isRegularFile(archive) ? "jlink's default archive of JDK classes" : "none", mode);
    }

    /**
     * The start-up cache: a JDK AOT cache of everything the first dashboard loads and links, which takes about a
     * third off the time to the first drawn dashboard. An AOT cache only maps for the exact module path it was
     * recorded with, and the image's module path is absolute at run time ($APPDIR), so it cannot ship in the
     * package: the .deb's postinst and the .rpm's %post build it where the app was installed
     * (lib/build-startup-cache.sh), much as Debian byte-compiles Python modules after installing them. The
     * launcher always names the cache and is silent when it is missing or stale (the app then starts normally).
     * Linux only for now ({@code pkg.startupCache=install}, or {@code none}).
     */
    boolean startupCache() {
        return OS == Os.LINUX && opt("pkg.startupCache", "install").equals("install");
    }

    static final String STARTUP_CACHE_SCRIPT = "lib/build-startup-cache.sh";
    static final String STARTUP_CACHE_FILE = "lib/app/inferplan.aot";

    List<String> startupCacheJavaOptions() {
        return startupCache() ? List.of("-XX:AOTCache=$APPDIR/inferplan.aot", "-Xlog:aot*=off,cds*=off") : List.of();
    }

    void addStartupCacheScript(Path app) throws IOException {
        if (!startupCache()) {
            return;
        }
        Path script = app.resolve(STARTUP_CACHE_SCRIPT);
        Files.copy(src.resolve("linux/build-startup-cache.sh"), script, StandardCopyOption.REPLACE_EXISTING);
        script.toFile().setExecutable(true, false);
    }

    /** Whether the Linux packages register {@code /usr/bin/<name>} for the launcher ({@code pkg.commandOnPath}). */
    boolean commandOnPath() {
        return OS == Os.LINUX && Boolean.parseBoolean(opt("pkg.commandOnPath", "true"));
    }

    /**
     * The .deb's maintainer scripts and the .rpm's spec: jpackage's own templates (read from the JDK that runs
     * this, so they stay in step with its placeholders) with two additions after installing and before
     * uninstalling: the start-up cache, and the command on the PATH ({@code /usr/bin/inferplan} through
     * update-alternatives, so the link is registered rather than a stray file). Neither can fail the installation.
     */
    void linuxMaintainerScripts(String type, Path resources) throws IOException {
        String dir = opt("pkg.installDir", "/opt") + "/" + name;
        StringBuilder install = new StringBuilder();
        StringBuilder remove = new StringBuilder();
        if (startupCache()) {
            install.append("    ").append(dir).append('/').append(STARTUP_CACHE_SCRIPT)
                    .append(" || echo \"InferPlan: start-up cache not built; run ").append(dir).append('/')
                    .append(STARTUP_CACHE_SCRIPT).append(" later\" >&2\n");
            remove.append("    rm -f ").append(dir).append('/').append(STARTUP_CACHE_FILE).append(' ')
                    .append(dir).append('/').append(STARTUP_CACHE_FILE).append(".new\n");
        }
        if (commandOnPath()) {
            String launcher = dir + "/bin/" + name;
            install.append("    update-alternatives --install /usr/bin/").append(name).append(' ').append(name).append(' ')
                    .append(launcher).append(" 50 >/dev/null 2>&1 || true\n");
            remove.append("    update-alternatives --remove ").append(name).append(' ').append(launcher)
                    .append(" >/dev/null 2>&1 || true\n");
        }
        if (install.isEmpty()) {
            return;
        }
        Path templates = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"))
                .getPath("modules/jdk.jpackage/jdk/jpackage/internal/resources");
        if (type.equals("deb")) {
            Files.writeString(resources.resolve("postinst"), insertAfter(
                    Files.readString(templates.resolve("template.postinst")), "DESKTOP_COMMANDS_INSTALL\n", install.toString()));
            // Also on upgrade: the new version's postinst builds a cache for its own jars and registers again.
            Files.writeString(resources.resolve("prerm"), insertAfter(
                    Files.readString(templates.resolve("template.prerm")), "DESKTOP_COMMANDS_UNINSTALL\n", remove.toString()));
        } else if (type.equals("rpm")) {
            String spec = Files.readString(templates.resolve("template.spec"));
            spec = insertAfter(spec, "%post\n", install.toString());
            // rpm runs the old package's %preun after the new one's %post on upgrade: only remove on erase.
            spec = insertAfter(spec, "%preun\n", "if [ \"$1\" = 0 ]; then\n" + remove + "fi\n");
            Files.writeString(resources.resolve(name + ".spec"), spec);
        }
    }

    static String insertAfter(String text, String anchor, String insert) {
        int at = text.indexOf(anchor);
        if (at < 0) {
            fail("jpackage's template has no '" + anchor.strip() + "' line to add InferPlan's install steps after");
        }
        return text.substring(0, at + anchor.length()) + insert + text.substring(at + anchor.length());
    }

    // ---------------------------------------------------------------- installers

    List<String> packageTypes() {
        String types = opt("pkg.types", "auto");
        if (!types.equals("auto")) {
            return Arrays.stream(types.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none")).toList();
        }
        return switch (OS) {
            case LINUX -> {
                List<String> t = new ArrayList<>();
                if (onPath("dpkg-deb") && onPath("fakeroot")) {
                    t.add("deb");
                } else {
                    log("no .deb: dpkg-deb and fakeroot are needed (apt-get install dpkg-dev fakeroot)");
                }
                if (onPath("rpmbuild")) {
                    t.add("rpm");
                } else {
                    log("no .rpm: rpmbuild is not installed (apt-get install rpm / dnf install rpm-build)");
                }
                yield t;
            }
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
    }

    void nativePackage(String type, Path app) throws IOException {
        Path dest = out.resolve("installer");
        Files.createDirectories(dest);
        Path resources = work.resolve("resources-" + type);
        Files.createDirectories(resources);
        List<String> a = new ArrayList<>(List.of(
                "--type", type,
                "--dest", dest.toString(),
                "--app-image", app.toString(),
                "--name", name,
                "--app-version", version,
                "--description", opt("pkg.description", "InferPlan"),
                "--vendor", opt("pkg.vendor", "InferPlan"),
                "--copyright", opt("pkg.copyright", ""),
                "--about-url", opt("pkg.homepage", ""),
                "--license-file", licenseFile().toString(),
                "--resource-dir", resources.toString(),
                "--file-associations", fileAssociations().toString()));
        if (OS == Os.LINUX) {
            linuxMaintainerScripts(type, resources);
        }
        switch (OS) {
            case LINUX -> {
                // The .desktop entry and the icon (jpackage fills in the launcher path and the mime types).
                String desktop = Files.readString(src.resolve("linux/inferplan.desktop"));
                Files.writeString(resources.resolve(name + ".desktop"), desktop);
                Files.copy(src.resolve("icons/png/inferplan-256.png"), resources.resolve(name + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
                a.addAll(List.of(
                        "--icon", icon("png/inferplan-256.png"),
                        "--linux-package-name", name,
                        "--linux-app-category", type.equals("deb") ? opt("pkg.deb.section", "science") : opt("pkg.rpm.group", "Applications/Productivity"),
                        "--linux-menu-group", opt("pkg.menu.categories", "Office;Finance;"),
                        "--linux-shortcut",
                        "--linux-app-release", opt("pkg.release", "1")));
                if (type.equals("deb")) {
                    a.addAll(List.of("--linux-deb-maintainer", opt("pkg.maintainer", "inferplan@example.org"),
                            "--linux-package-deps", opt("pkg.deb.deps", "libgtk-3-0")));
                } else {
                    a.addAll(List.of("--linux-rpm-license-type", opt("pkg.license", "Apache-2.0"),
                            "--linux-package-deps", opt("pkg.rpm.deps", "gtk3")));
                }
            }
            case WINDOWS -> a.addAll(List.of("--icon", icon("inferplan.ico"),
                    "--win-menu", "--win-menu-group", "InferPlan", "--win-shortcut", "--win-dir-chooser",
                    "--win-per-user-install", "--win-upgrade-uuid", opt("pkg.win.upgradeUuid", "6a7f3b0e-4a51-4f55-9a8e-2c1f0d5b7e31")));
            case MAC -> a.addAll(List.of("--icon", icon("inferplan.icns"),
                    "--mac-package-identifier", opt("pkg.mac.identifier", "io.inferplan.app"),
                    "--mac-package-name", "InferPlan"));
        }
        tool("jpackage", a);
    }

    Path licenseFile() throws IOException {
        Path root = src.getParent().getParent().getParent(); // packaging/src/main -> repository root
        for (String n : List.of("LICENSE", "LICENSE.txt", "LICENSE.md")) {
            if (Files.isRegularFile(root.resolve(n))) {
                return root.resolve(n);
            }
        }
        Path f = work.resolve("copyright.txt");
        Files.writeString(f, opt("pkg.copyright", "") + "\nLicence: " + opt("pkg.license", "Apache-2.0")
                + "\nHomepage: " + opt("pkg.homepage", "") + "\n");
        return f;
    }

    Path fileAssociations() throws IOException {
        Path f = work.resolve("scenario-association.properties");
        String icon = switch (OS) {
            case LINUX -> icon("png/scenario-256.png");
            case WINDOWS -> icon("scenario.ico");
            case MAC -> icon("scenario.icns");
        };
        Files.writeString(f, String.join("\n",
                "extension=" + opt("pkg.fa.extension", "inferplan.json"),
                "mime-type=" + opt("pkg.fa.mime", "application/x-inferplan-scenario+json"),
                "description=InferPlan scenario",
                "icon=" + icon.replace("\\", "\\\\"), ""));
        return f;
    }

    String icon(String relative) {
        return src.resolve("icons").resolve(relative).toString();
    }

    void report(Path app) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "app image  %-60s %6.1f MB%n", app, treeSize(app) / 1e6));
        Path installers = out.resolve("installer");
        if (Files.isDirectory(installers)) {
            try (Stream<Path> s = Files.list(installers)) {
                for (Path p : s.sorted().toList()) {
                    sb.append(String.format(Locale.ROOT, "installer  %-60s %6.1f MB%n", p, Files.size(p) / 1e6));
                }
            }
        }
        Files.writeString(out.resolve("sizes.txt"), sb.toString());
        System.out.print(sb);
    }

    // ---------------------------------------------------------------- helpers

    static void tool(String name, List<String> args) {
        String output = toolOutput(name, args);
        if (!output.isBlank()) {
            System.out.print(output.lines().map(l -> "  [" + name + "] " + l + "\n").collect(Collectors.joining()));
        }
    }

    static String toolOutput(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException("the JDK running Maven has no " + name
                        + " tool (" + System.getProperty("java.home") + "); use a full JDK 25"));
        log("%s %s", name, args.size() > 12 ? String.join(" ", args.subList(0, 12)) + " ..." : String.join(" ", args));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = tool.run(ps, ps, args.toArray(String[]::new));
        String output = bytes.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            fail(name + " failed (exit " + code + "):\n" + output);
        }
        return output;
    }

    record Result(int code, String output) {
    }

    /** Runs a process; past timeoutSeconds it is stopped (politely first) and reported with exit 143. */
    static Result exec(List<String> cmd, Path dir, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Path log = Files.createTempFile("inferplan-package", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        int code;
        if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            code = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            code = 143;
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        return new Result(code, output);
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command)) || Files.isExecutable(Path.of(dir, command + ".exe"))) {
                return true;
            }
        }
        return false;
    }

    static String joinPaths(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static long treeSize(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                file.toFile().setWritable(true);
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** jpackage wants 1-3 numbers: 0.1.0-SNAPSHOT -> 0.1.0. */
    static String numericVersion(String v) {
        Matcher m = Pattern.compile("^(\\d+(?:\\.\\d+){0,2})").matcher(v);
        if (!m.find()) {
            fail("cannot make a package version out of " + v);
        }
        return m.group(1);
    }

    static Os detectOs() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? Os.WINDOWS : os.contains("mac") ? Os.MAC : Os.LINUX;
    }

    static Path path(String key) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            fail("missing -D" + key);
        }
        return Path.of(v).toAbsolutePath().normalize();
    }

    static String opt(String key, String dflt) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? dflt : v;
    }

    static void log(String format, Object... args) {
        System.out.println("[package] " + String.format(Locale.ROOT, format, args));
    }

    static void fail(String message) {
        System.err.println("[package] ERROR: " + message);
        System.exit(1);
    }

}
