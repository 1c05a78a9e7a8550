package io.inferplan.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1999; 1999", "1.5; 1.5", "1,5; 1.5", "0,75; 0.75", ",5; 0.5", "1,999; 1999", "12,345.5; 12345.5",
            "1,234,567; 1234567", "-2,5; -2.5", "2.99; 2.99", ".5; 0.5", "1e3; 1000", " 42 ; 42", "1 999; 1999",
            "1,2345; 1.2345"})
    void readsWhatThePersonMeant(String typed, double meant) {
        assertEquals(Optional.of(meant), NumberText.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5,5", "1,5.5", "12,34,567", "1,,5", "abc", "1.2.3", "", ",", "1,999,5", "NaN", "Infinity"})
    void refusesWhatItWouldHaveToGuess(String typed) {
        assertTrue(NumberText.parse(typed).isEmpty(), typed);
    }
}
