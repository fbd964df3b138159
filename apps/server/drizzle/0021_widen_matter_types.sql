-- 事项类型: all ten kinds of 行政权力 (处罚, 强制, 征收, 检查, 裁决 added) plus 公共服务.
-- openGauss note: a plain CHECK constraint replaced in place.
ALTER TABLE "matter_version" DROP CONSTRAINT "matter_version_type_check";--> statement-breakpoint
ALTER TABLE "matter_version" ADD CONSTRAINT "matter_version_type_check" CHECK ("matter_version"."matter_type" in ('licensing', 'penalty', 'coercion', 'levy', 'payment', 'inspection', 'confirmation', 'reward', 'adjudication', 'other_power', 'public_service'));