import type { Client } from 'pg';

/**
 * `COPY … TO STDOUT` and `COPY … FROM STDIN` on a `pg` client without pg-copy-streams: a query
 * object with `submit(connection)` is driven by the client's protocol messages (copyData,
 * copyInResponse, commandComplete, readyForQuery, error), as pg-copy-streams' own are.
 */
interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.ReadWriteStream & { writableNeedDrain?: boolean };
}

type Done = (error: Error | null, rows?: number) => void;

abstract class CopyQuery {
  callback?: Done;
  protected connection!: PgConnection;
  private rows = 0;
  private error: Error | null = null;
  private finished = false;

  constructor(private readonly text: string) {}

  submit(connection: PgConnection): void {
    this.connection = connection;
    connection.query(this.text);
  }

  handleCommandComplete(msg: { text: string }): void {
    const match = /^COPY (\d+)/.exec(msg.text);
    if (match) this.rows = Number(match[1]);
  }

  handleReadyForQuery(): void {
    this.finish(this.error, this.rows);
  }

  handleError(error: Error): void {
    this.error = error;
    this.onError(error);
    this.finish(error);
  }

  protected onError(error: Error): void {
    void error; // a subclass wakes its feeder
  }

  private finish(error: Error | null, rows?: number): void {
    if (this.finished) return;
    this.finished = true;
    this.callback?.(error, rows);
  }

  /* messages a COPY does not bring, and the copy messages of the other direction */
  handleRowDescription(): void {
    /* none */
  }
  handleDataRow(): void {
    /* none */
  }
  handleEmptyQuery(): void {
    /* none */
  }
  handlePortalSuspended(): void {
    /* none */
  }
  handleCopyData(msg: { chunk: Buffer }): void {
    void msg;
  }
  handleCopyInResponse(connection: PgConnection): void {
    void connection;
  }
}

class CopyOut extends CopyQuery {
  constructor(
    text: string,
    private readonly sink: (chunk: Buffer) => boolean,
    private readonly onDrain: (resume: () => void) => void,
  ) {
    super(text);
  }

  private waiting = false;

  override handleCopyData(msg: { chunk: Buffer }): void {
    // one message per row; pg's parser hands it as a view into a buffer it reuses for the next socket
    // data: a sink that keeps a chunk beyond this call must copy it (writeBackup copies into its batch)
    const kept = this.sink(msg.chunk);
    // the socket's data already read still arrives after the pause: one wait for them all
    if (!kept && !this.waiting) {
      this.waiting = true;
      const socket = this.connection.stream;
      socket.pause();
      this.onDrain(() => {
        this.waiting = false;
        socket.resume();
      });
    }
  }
}

/**
 * Runs `COPY … TO STDOUT` and hands every chunk to `sink` (false: wait for `onDrain`'s call
 * before reading on); resolves with the rows copied.
 */
export function copyOut(
  client: Client,
  sql: string,
  sink: (chunk: Buffer) => boolean,
  onDrain: (resume: () => void) => void = (resume) => resume(),
): Promise<number> {
  return new Promise((resolve, reject) => {
    const query = new CopyOut(sql, sink, onDrain);
    query.callback = (error, rows) => (error ? reject(error) : resolve(rows ?? 0));
    void client.query(query as never);
  });
}

/** One `COPY … FROM STDIN` under way: `write` its data, then `end` (the rows loaded) or `fail`. */
export interface CopyIn {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<number>;
  fail(reason: string): Promise<void>;
}

class CopyInQuery extends CopyQuery {
  private readyWaiters: Array<(error?: Error) => void> = [];
  private ready = false;
  private failed: Error | null = null;

  override handleCopyInResponse(): void {
    this.ready = true;
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  protected override onError(error: Error): void {
    this.failed = error;
    for (const wake of this.readyWaiters.splice(0)) wake(error);
  }

  waitReady(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push((e) => (e ? reject(e) : resolve())));
  }

  async send(chunk: Buffer): Promise<void> {
    await this.waitReady();
    this.connection.sendCopyFromChunk(chunk);
    const socket = this.connection.stream;
    if (socket.writableNeedDrain) await new Promise((resolve) => socket.once('drain', resolve));
  }

  async close(fail?: string): Promise<void> {
    await this.waitReady();
    if (fail === undefined) this.connection.endCopyFrom();
    else this.connection.sendCopyFail(fail);
  }
}

/** Starts `COPY … FROM STDIN`; the server's answer (rows or error) comes with `end`. */
export function copyIn(client: Client, sql: string): CopyIn {
  const query = new CopyInQuery(sql);
  const done = new Promise<number>((resolve, reject) => {
    query.callback = (error, rows) => (error ? reject(error) : resolve(rows ?? 0));
  });
  done.catch(() => undefined);
  void client.query(query as never);
  return {
    write: (chunk) => query.send(chunk),
    async end() {
      await query.close();
      return done;
    },
    async fail(reason) {
      await query.close(reason).catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
}
