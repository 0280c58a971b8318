import { mount, type Component } from 'svelte';
import type { Role } from '../../shared/domain/roles';
import { connectBooth, type IpcClient } from './ipc';
import BootFailure from './components/BootFailure.svelte';
import './styles/theme.css';
import './styles/forms.css';

/** Mounts a window's root component with its IPC client, or a plain explanation when there is none. */
export function boot(role: Role, App: Component<{ ipc: IpcClient }>): void {
  const target = document.getElementById('app');
  if (!target) throw new Error('#app is missing from the page');
  let ipc: IpcClient;
  try {
    ipc = connectBooth(role);
  } catch (error) {
    mount(BootFailure, { target, props: { message: error instanceof Error ? error.message : String(error) } });
    return;
  }
  mount(App, { target, props: { ipc } });
}
