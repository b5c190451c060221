// What other features may use of accounts: persons by id.
export { AccountsModule } from './accounts.module';
export { PersonsReader, personIn } from './persons.reader';
