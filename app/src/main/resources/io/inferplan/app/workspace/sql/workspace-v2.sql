CREATE TABLE recent_file (
    path       VARCHAR(4000) PRIMARY KEY,
    used_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The user's own price for a catalog accelerator (a quote), beside the bundled catalog, never edited into it.
CREATE TABLE accelerator_price (
    accelerator_id       VARCHAR(200) PRIMARY KEY,
    usd_per_gpu_hour     DOUBLE PRECISION,
    capex_usd_per_gpu    DOUBLE PRECISION,
    note                 VARCHAR(1000),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
