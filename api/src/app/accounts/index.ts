// What other features may use of accounts: persons by id, who is given their e-mails, and an account as the administrator sees it.
export { AccountsModule } from './accounts.module';
export { AccountsService } from './accounts.service';
export { namesOnly, PersonsReader, personIn, seesEmails } from './persons.reader';
