// What other features may use of my-items: its module only.
export { MyItemsModule } from './my-items.module';
