/** Who is acting: always the Slack user who sent the request, never what a button's value claims. */
export interface Actor {
  workspaceId: string;
  userId: string;
}
