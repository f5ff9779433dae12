-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_targetId_idx" ON "AuditEvent"("workspaceId", "action", "targetId");
