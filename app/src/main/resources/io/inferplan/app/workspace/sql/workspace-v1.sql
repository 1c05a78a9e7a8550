-- Scenarios are stored as whole JSON documents: the store never needs to change when the scenario format grows.
CREATE TABLE scenario (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    document    CLOB NOT NULL,
    position    INT NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scenario_position ON scenario (deleted, position);

CREATE TABLE setting (
    setting_name   VARCHAR(100) PRIMARY KEY,
    setting_value  VARCHAR(4000) NOT NULL
);
