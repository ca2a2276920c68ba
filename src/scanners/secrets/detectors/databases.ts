import type { Detector } from '../detector.js';

export const databasesDetectors: Detector[] = [];
