/**
 * Small hand-written fakes of the parts of 'electron' the shell and preloads use, for
 * `vi.mock('electron', () => import('./test-support/electron-fake').then((m) => m.electronModule))`.
 * They record what our code asked for; they do not emulate Chromium.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextFrameTreeNodeId = 1;

export class FakeFrame {
  detached = false;
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public frameTreeNodeId: number = nextFrameTreeNodeId++,
  ) {}
}

export class FakeSession {
  permissionRequestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null =
    null;
  permissionCheckHandler:
    ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
}

/** A cancellable Electron event: `details` objects of will-navigate and friends are these. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeFrame('');
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private destroyed = false;

  constructor(public session: FakeSession = fake.session.defaultSession) {
    super();
    fake.app.emit('web-contents-created', {}, this);
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  loadURL(url: string) {
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  getURL() {
    return this.mainFrame.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the code under test passes to `new BrowserWindow()`; the tests read it back. */
interface FakeWindowOptions {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  // The console never opens a window without its hardened webPreferences.
  webPreferences: Record<string, unknown>;
  [option: string]: unknown;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows() {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  bounds: FakeRect;
  minimized = false;
  maximized = false;
  visible = false;
  focused = false;
  destroyed = false;

  constructor(public options: FakeWindowOptions) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    return this.webContents.loadURL(url);
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  /** Test helper: move or resize as the user would, emitting the events Electron emits. */
  userSetBounds(bounds: Partial<FakeRect>) {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
    this.emit('resize');
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
  }
  isMinimized() {
    return this.minimized;
  }
  minimize() {
    this.minimized = true;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    const event = fakeEvent({});
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
    this.webContents.destroy();
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  quit = vi.fn(() => {
    const event = fakeEvent({});
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  });
  quitted = false;
  exit = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn(() => '/tmp/lunora-booth-test');
  setPath = vi.fn();
  getVersion = vi.fn(() => '0.0.0-test');
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    // Electron throws on a second handler for the same channel; so do we.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Test helper: what `ipcRenderer.invoke` from `sender`/`senderFrame` would produce in main. */
  async invokeFrom(
    channel: string,
    sender: FakeWebContents,
    senderFrame: FakeFrame | null,
    payload: unknown,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame, frameId: 1, processId: 1 }, payload);
  }
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => ({ ok: true, data: null }));
  /** Test helper: main -> renderer message, with an event object the page must never see. */
  deliver(channel: string, payload: unknown) {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, payload);
  }
}

function createFake() {
  const defaultSession = new FakeSession();
  return {
    app: new FakeApp(),
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    exposed: new Map<string, unknown>(),
    displays: [
      { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    ] as Array<{
      id: number;
      workArea: FakeRect;
      bounds: FakeRect;
    }>,
    appMenu: null as unknown,
    session: { defaultSession },
    protocol: {
      privileged: [] as unknown[],
      handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    },
    openExternal: vi.fn(async (_url: string) => {}),
    showErrorBox: vi.fn((_title: string, _content: string) => {}),
    showMessageBox: vi.fn(async (_options: unknown) => ({ response: 0 })),
    shortcuts: new Map<string, () => void>(),
    notifications: [] as Array<{ title: string; body: string }>,
  };
}

export let fake = createFake();

/** Call in beforeEach: fresh app, ipcMain, windows and recordings. */
export function resetElectronFake(): void {
  fake = createFake();
  FakeBrowserWindow.instances = [];
}

// The module object handed to vi.mock: getters so that a reset is seen by already-imported code.
export const electronModule = {
  get app() {
    return fake.app;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
  get session() {
    return fake.session;
  },
  BrowserWindow: FakeBrowserWindow,
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      if (fake.exposed.has(key))
        throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      fake.exposed.set(key, api);
    },
  },
  screen: {
    getAllDisplays: () => fake.displays,
    getPrimaryDisplay: () => fake.displays[0],
  },
  Menu: {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu(menu: unknown) {
      fake.appMenu = menu;
    },
  },
  shell: {
    openExternal: (url: string) => fake.openExternal(url),
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      fake.protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      fake.protocol.handlers.set(scheme, handler);
    },
  },
  dialog: {
    showErrorBox: (title: string, content: string) => fake.showErrorBox(title, content),
    showMessageBox: (options: unknown) => fake.showMessageBox(options),
  },
  globalShortcut: {
    register: (accelerator: string, callback: () => void) => (fake.shortcuts.set(accelerator, callback), true),
    unregister: (accelerator: string) => void fake.shortcuts.delete(accelerator),
  },
  Notification: class {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      fake.notifications.push(this.options);
    }
  },
};
