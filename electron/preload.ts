import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld('ledger', buildBridge((channel, input) => ipcRenderer.invoke(channel, input)));
