package io.inferplan.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void aLinuxSessionWithoutX11OrWaylandHasNoDisplay() {
        assertTrue(Main.noDisplay("Linux", "", null, null));
        assertTrue(Main.noDisplay("Linux", "", " ", ""), "blank variables count as unset");
    }

    @Test
    void anyDisplayOrAHeadlessPlatformOrAnotherOsIsEnough() {
        assertFalse(Main.noDisplay("Linux", "", ":0", null));
        assertFalse(Main.noDisplay("Linux", "", null, "wayland-0"));
        assertFalse(Main.noDisplay("Linux", "Headless", null, null));
        assertFalse(Main.noDisplay("Linux", "Monocle", null, null));
        assertFalse(Main.noDisplay("Windows 11", "", null, null));
        assertFalse(Main.noDisplay("Mac OS X", "", null, null));
    }
}
