package io.inferplan.engine;

/** Identifies the engine build, so results and exports can say which model produced them. */
public final class EngineInfo {
    public static final String NAME = "InferPlan";

    private EngineInfo() {
    }

    public static String version() {
        String version = EngineInfo.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
