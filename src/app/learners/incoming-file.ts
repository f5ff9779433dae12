/** A file someone shared with carebridge, as the transport (Slack, console) describes it. */
export interface IncomingFile {
  id: string;
  name: string;
  mimetype: string;
  /** Bytes, as the transport reports them before any download. */
  size: number;
  channelId: string;
  /** The thread every answer about the file goes to. */
  threadTs: string;
  /** Starts the download; called only once the uploader's access, the file type and its size are checked. */
  open(): Promise<AsyncIterable<Uint8Array>>;
}

/** The transport could not fetch the file; `message` is the sentence for the uploader. */
export class FileDownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileDownloadError";
  }
}

/** By its name or type; the content is checked again while it is read. */
export function looksLikeCsvFile(file: Pick<IncomingFile, "name" | "mimetype">): boolean {
  return file.name.toLowerCase().endsWith(".csv") || file.mimetype.toLowerCase().startsWith("text/csv");
}
