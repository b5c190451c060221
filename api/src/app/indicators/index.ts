// What other features may use of indicators: its module and its reader (the views with their health).
export { IndicatorsModule } from './indicators.module';
export { IndicatorsReader } from './indicators.reader';
