-- 已办 (tasks I have handled): an officer's opinion records, newest first, found by (user_id, at).
-- openGauss note: a plain btree index only.
CREATE INDEX "workflow_opinion_user_idx" ON "workflow_opinion" USING btree ("user_id","at");