// What other features may use of accounts: persons by id, and who is given their e-mails.
export { AccountsModule } from './accounts.module';
export { namesOnly, PersonsReader, personIn, seesEmails } from './persons.reader';
