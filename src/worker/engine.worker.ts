/**
 * The module Web Worker that hosts the engine, exposed with Comlink. An exception thrown by the
 * engine reaches the page as a rejected call carrying its name and message (Comlink sends thrown
 * Errors that way); the worker itself keeps running, and the service refuses further work until
 * the run is reset or another scenario is loaded, so a broken run is never shown as a live one.
 */
import * as Comlink from 'comlink';
import { EngineService } from './engineService.ts';
import { transferringApi } from './expose.ts';

Comlink.expose(transferringApi(new EngineService({ now: () => performance.now() })));
