import type { Detector } from '../detector.js';

export const atlassianDetectors: Detector[] = [];
