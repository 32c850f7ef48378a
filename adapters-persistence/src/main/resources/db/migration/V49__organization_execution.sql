-- Who may run an organisation's UDFs (seed 000's execution flags): languages whose UDFs may not
-- run, comma-separated wire names; users who alone may run them, comma-separated (empty: everyone).
ALTER TABLE organization_settings ADD COLUMN udf_execution_disabled_languages VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE organization_settings ADD COLUMN udf_execution_users VARCHAR(16000) DEFAULT '' NOT NULL;
