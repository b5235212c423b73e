/**
 * Every module of the app, for the platform to start: job handlers, place activity and demo data.
 * A new module adds its manifest (from its `module.ts`) here.
 */
import { assetsModule } from './assets/module';
import { budgetingModule } from './budgeting/module';
import { panelsModule } from './panels/module';
import type { ModuleManifest } from './platform/module-manifest';

export const modules: ModuleManifest[] = [assetsModule, budgetingModule, panelsModule];
