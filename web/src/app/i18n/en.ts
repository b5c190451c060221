import type { Dictionary } from './i18n';

/**
 * The interface in English: French text (the key, as written in the templates and the code) →
 * English. Loaded on first use (a chunk of its own). Placeholders `{name}` are kept as they are; a
 * plural has its two forms, « singular|plural ». A French text missing here is shown in French, and
 * the spec beside this file lists it.
 */
export const EN: Dictionary = {
  // admin/admin.routes.ts
  'Administration · Jalons': 'Administration · Jalons',
  // admin/administration-page.html
  Administration: 'Administration',
  'Les comptes de Jalons : qui peut lire la feuille de route, qui la met à jour. Les rappels d’échéance et les courriels.':
    'The accounts of Jalons: who can read the roadmap, who updates it. Due-date reminders and e-mails.',
  Comptes: 'Accounts',
  'Tableau des comptes': 'Table of accounts',
  'Les comptes, par nom, avec leur rôle, leurs fonctions, leur état et leur dernière connexion':
    'The accounts, by name, with their role, their functions, their state and their last sign-in',
  Nom: 'Name',
  'Adresse électronique': 'E-mail address',
  Rôle: 'Role',
  Fonctions: 'Functions',
  État: 'State',
  'Dernière connexion': 'Last sign-in',
  Actions: 'Actions',
  vous: 'you',
  Modifier: 'Edit',
  'le compte de {name}': 'the account of {name}',
  Désactiver: 'Deactivate',
  Réactiver: 'Reactivate',
  'Renvoyer l’invitation': 'Send the invitation again',
  'à {name}': 'to {name}',
  'Aucun compte.': 'No account.',
  'Modifier le compte de {name}': 'Edit the account of {name}',
  'Votre propre rôle ne se change pas ici : demandez-le à une autre personne ayant le rôle d’administrateur·rice.':
    'Your own role cannot be changed here: ask another person with the administrator role.',
  'Fonctions dont la personne a la charge':
    'Functions this person is in charge of',
  Enregistrer: 'Save',
  Annuler: 'Cancel',
  'Inviter une personne': 'Invite someone',
  'La personne reçoit un courriel avec un lien pour choisir son mot de passe.':
    'The person receives an e-mail with a link to choose their password.',
  'Choisissez un rôle': 'Choose a role',
  'Administrateur·rice : gère les comptes. Chef·fe de projet : met à jour toute la feuille de route. Responsable de fonction : met à jour les actions et jalons de ses fonctions. Élu·e : consulte.':
    'Administrator: manages the accounts. Project lead: updates the whole roadmap. Function owner: updates the actions and milestones of their functions. Elected official: reads.',
  'Envoyer l’invitation': 'Send the invitation',
  'Chargement des comptes…': 'Loading the accounts…',
  'Impossible de charger les comptes : {message}':
    'The accounts could not be loaded: {message}',
  // admin/administration-page.ts
  'Ce compte a été modifié entre-temps par quelqu’un d’autre : la liste vient d’être rechargée, refaites votre modification.':
    'Someone else changed this account in the meantime: the list has just been reloaded, make your change again.',
  Désactivé: 'Deactivated',
  Actif: 'Active',
  'Invitation expirée': 'Invitation expired',
  'Invitation expirée le {date}': 'Invitation expired on {date}',
  'Invitation en attente jusqu’au {date}': 'Invitation pending until {date}',
  'Invitation envoyée à {email}, valable jusqu’au {date}.':
    'Invitation sent to {email}, valid until {date}.',
  'Le compte de {name} est prêt, mais le courriel d’invitation n’a pas pu être envoyé à {email}. Réessayez plus tard avec « Renvoyer l’invitation ».':
    'The account of {name} is ready, but the invitation e-mail could not be sent to {email}. Try again later with “Send the invitation again”.',
  Jamais: 'Never',
  'Indiquez le nom.': 'Enter the name.',
  'Indiquez l’adresse électronique.': 'Enter the e-mail address.',
  'Choisissez un rôle.': 'Choose a role.',
  'Le compte de {name} est modifié.': 'The account of {name} has been changed.',
  'Le compte de {name} est réactivé.':
    'The account of {name} has been reactivated.',
  'Le compte de {name} est désactivé : cette personne ne peut plus se connecter.':
    'The account of {name} has been deactivated: this person can no longer sign in.',
  'Action refusée : {message}': 'Action refused: {message}',
  // admin/function-picker.ts
  'Une fonction déjà confiée à une autre personne lui est retirée.':
    'A function already held by someone else is taken away from them.',
  '(actuellement : {name})': '(currently: {name})',
  'Aucune fonction n’est encore définie.': 'No function has been defined yet.',
  // admin/reminders-admin.html
  'Rappels et courriels': 'Reminders and e-mails',
  'Chaque jour, Jalons rappelle aux responsables les échéances de leurs actions et jalons (dans la cloche « Rappels » et, selon leur choix, par courriel).':
    'Every day, Jalons reminds the owners of the due dates of their actions and milestones (in the “Reminders” bell and, if they wish, by e-mail).',
  Programmation: 'Schedule',
  'Rappel automatique': 'Automatic reminder run',
  'Activé : {schedule} (heure de Paris)': 'On: {schedule} (Paris time)',
  'Désactivé sur cette instance': 'Off on this instance',
  'Expression cron': 'Cron expression',
  'Serveur de courriel (SMTP)': 'Mail server (SMTP)',
  Configuré: 'Configured',
  'Non configuré': 'Not configured',
  'Aucun serveur de courriel n’est configuré : aucun courriel ne part.':
    'No mail server is configured: no e-mail goes out.',
  'Les rappels restent visibles dans la cloche de Jalons, mais les récapitulatifs, les invitations et les liens de mot de passe attendent dans la file d’envoi. Renseignez':
    'Reminders still show in the Jalons bell, but digests, invitations and password links wait in the mail queue. Set',
  'dans la configuration du serveur, puis envoyez un courriel d’essai.':
    'in the server’s configuration, then send a test e-mail.',
  'Le rappel automatique est désactivé sur cette instance':
    'The automatic reminder run is off on this instance',
  'il ne tourne que si une autre instance le fait, ou si vous le lancez ci-dessous.':
    'it only runs if another instance runs it, or if you start it below.',
  'File d’envoi des courriels': 'Mail queue',
  'En attente': 'Waiting',
  'En cours d’envoi': 'Sending',
  Envoyés: 'Sent',
  'En échec': 'Failed',
  'Dernières exécutions': 'Latest runs',
  'Tableau des dernières exécutions du rappel':
    'Table of the latest reminder runs',
  'Les dernières exécutions du rappel, de la plus récente à la plus ancienne':
    'The latest reminder runs, newest first',
  Jour: 'Day',
  Déclenchement: 'Started by',
  'Échéances retenues': 'Due dates selected',
  'Nouveaux rappels': 'New reminders',
  Récapitulatifs: 'Digests',
  Erreur: 'Error',
  'Le rappel n’a encore jamais tourné.': 'The reminder run has never run yet.',
  'Courriels en difficulté': 'E-mails in trouble',
  'Tableau des courriels en difficulté': 'Table of the e-mails in trouble',
  'Les courriels en échec ou en attente d’un nouvel essai, du plus récent au plus ancien':
    'The e-mails that failed or wait for another try, newest first',
  Destinataire: 'Recipient',
  Objet: 'Subject',
  Tentatives: 'Attempts',
  'Dernière erreur': 'Last error',
  'Prochain essai': 'Next try',
  Réessayer: 'Try again',
  'l’envoi à {to}': 'sending to {to}',
  'Aucun courriel en échec ni en attente d’un nouvel essai.':
    'No e-mail failed or waits for another try.',
  'Impossible de charger l’état des rappels : {message}':
    'The state of the reminders could not be loaded: {message}',
  'Chargement de l’état des rappels…': 'Loading the state of the reminders…',
  'Lancer le rappel maintenant': 'Run the reminders now',
  'Ce qui a déjà été rappelé ou envoyé ne l’est pas une seconde fois.':
    'What has already been reminded or sent is not reminded or sent twice.',
  'Jour (facultatif)': 'Day (optional)',
  'Vide : aujourd’hui (heure de Paris).': 'Empty: today (Paris time).',
  'Lancer maintenant': 'Run now',
  'Rappel en cours…': 'Reminder run in progress…',
  'Courriel d’essai': 'Test e-mail',
  'Adresse du destinataire (facultative)': 'Recipient’s address (optional)',
  'Vide : votre propre adresse.': 'Empty: your own address.',
  'Envoyer un courriel d’essai': 'Send a test e-mail',
  'Envoi en cours…': 'Sending…',
  'Courriel d’essai envoyé à {to}.': 'Test e-mail sent to {to}.',
  'Le courriel d’essai n’a pas pu être envoyé à {to} : {error}':
    'The test e-mail could not be sent to {to}: {error}',
  'erreur inconnue': 'unknown error',
  // admin/reminders-admin.ts
  Automatique: 'Automatic',
  'Ligne de commande': 'Command line',
  'Manuel (administration)': 'Manual (administration)',
  'Nouvel essai prévu': 'New try planned',
  Envoyé: 'Sent',
  'selon l’expression cron « {cron} »':
    'following the cron expression “{cron}”',
  'tous les jours à {hour} h {minute}': 'every day at {hour}:{minute}',
  'Rappel du {day} : {selected}, {created}, {digests} à envoyer.':
    'Reminder run of {day}: {selected}, {created}, {digests} to send.',
  '{n} échéance retenue|{n} échéances retenues':
    '{n} due date selected|{n} due dates selected',
  '{n} nouveau rappel|{n} nouveaux rappels':
    '{n} new reminder|{n} new reminders',
  '{n} récapitulatif|{n} récapitulatifs': '{n} digest|{n} digests',
  'Envoi : {sent}, {retrying} à réessayer, {failed} en échec.':
    'Delivery: {sent}, {retrying} to try again, {failed} failed.',
  '{n} courriel envoyé|{n} courriels envoyés':
    '{n} e-mail sent|{n} e-mails sent',
  'Aucun envoi tenté.': 'No delivery tried.',
  'En cours': 'In progress',
  'Le courriel « {subject} » à {to} est remis dans la file d’envoi.':
    'The e-mail “{subject}” to {to} is back in the mail queue.',
  'Nouvel essai refusé : {message}': 'Another try refused: {message}',
  'Indiquez un jour valide (jj/mm/aaaa), ou laissez vide pour aujourd’hui.':
    'Enter a valid day (dd/mm/yyyy), or leave it empty for today.',
  // app.html
  'Navigation principale': 'Main navigation',
  'Vue du mandat': 'Term overview',
  Chronogramme: 'Gantt chart',
  '(mon compte)': '(my account)',
  'Se déconnecter': 'Sign out',
  // app.ts
  'Vous êtes déconnecté·e.': 'You are signed out.',
  // auth/account-page.html
  'Mon compte': 'My account',
  'Votre compte': 'Your account',
  'Changer de mot de passe': 'Change password',
  'Enregistrement…': 'Saving…',
  'Mot de passe actuel': 'Current password',
  'Nouveau mot de passe': 'New password',
  'Nouveau mot de passe, une seconde fois': 'New password, once again',
  // auth/account-page.ts
  'Indiquez votre mot de passe actuel.': 'Enter your current password.',
  'Votre mot de passe est modifié.': 'Your password has been changed.',
  // auth/auth.routes.ts
  'Connexion · Jalons': 'Sign in · Jalons',
  'Mot de passe oublié · Jalons': 'Forgotten password · Jalons',
  'Nouveau mot de passe · Jalons': 'New password · Jalons',
  'Activer votre compte · Jalons': 'Activate your account · Jalons',
  'Mon compte · Jalons': 'My account · Jalons',
  'Accès refusé · Jalons': 'Access denied · Jalons',
  // auth/calendar-feeds.html
  Calendriers: 'Calendars',
  'Abonnez votre agenda (Thunderbird, Outlook, Google Agenda…) aux échéances de Jalons : il se met à jour de lui-même quand une date change.':
    'Subscribe your calendar app (Thunderbird, Outlook, Google Calendar…) to the due dates of Jalons: it updates itself when a date changes.',
  'Nouvelle adresse : {label}': 'New address: {label}',
  'Adresse secrète du calendrier': 'Secret address of the calendar',
  'Copiez cette adresse maintenant : elle ne sera plus jamais affichée.':
    'Copy this address now: it will never be shown again.',
  'Si vous la perdez, révoquez ce calendrier et créez-en un autre.':
    'If you lose it, revoke this calendar and create another one.',
  'Copier l’adresse': 'Copy the address',
  'J’ai copié l’adresse': 'I have copied the address',
  'Dans votre agenda, choisissez': 'In your calendar app, choose',
  's’abonner à un calendrier par URL': 'subscribe to a calendar from a URL',
  'et collez l’adresse : dans Thunderbird, « Nouvel agenda » puis « Sur le réseau » ; dans Outlook, « Ajouter un calendrier » puis « S’abonner à partir du web » ; dans Google Agenda, « Autres agendas » puis « À partir de l’URL ». Toute personne qui connaît l’adresse voit ces échéances : ne la partagez qu’à bon escient.':
    'and paste the address: in Thunderbird, “New Calendar” then “On the Network”; in Outlook, “Add calendar” then “Subscribe from web”; in Google Calendar, “Other calendars” then “From URL”. Anyone who knows the address sees these due dates: share it with care.',
  'Mes calendriers': 'My calendars',
  'Tableau de mes calendriers': 'Table of my calendars',
  'Mes adresses de calendrier, les actives d’abord':
    'My calendar addresses, the active ones first',
  Calendrier: 'Calendar',
  'Créé le': 'Created on',
  'Révoquer ? Les agendas abonnés ne recevront plus rien.':
    'Revoke? Subscribed calendars will receive nothing more.',
  'Oui, révoquer': 'Yes, revoke',
  Révoquer: 'Revoke',
  'Vous n’avez encore créé aucun calendrier.':
    'You have not created any calendar yet.',
  'Impossible de charger vos calendriers : {message}':
    'Your calendars could not be loaded: {message}',
  'Chargement de vos calendriers…': 'Loading your calendars…',
  'Nouveau calendrier': 'New calendar',
  'Échéances à suivre': 'Due dates to follow',
  'Mes échéances (les actions dont je suis responsable)':
    'My due dates (the actions I own)',
  'Une fonction': 'A function',
  'Toute la feuille de route ({territory}, {mandate})':
    'The whole roadmap ({territory}, {mandate})',
  'Les fonctions n’ont pas pu être chargées ({message}) : seules vos échéances peuvent être suivies pour l’instant.':
    'The functions could not be loaded ({message}): only your own due dates can be followed for now.',
  Fonction: 'Function',
  'Choisissez une fonction': 'Choose a function',
  'Créer l’adresse du calendrier': 'Create the calendar’s address',
  // auth/calendar-feeds.ts
  'Révoqué le {date}': 'Revoked on {date}',
  'Choisissez la fonction à suivre.': 'Choose the function to follow.',
  'La copie automatique n’est pas possible ici : l’adresse est sélectionnée, copiez-la avec Ctrl+C (ou Cmd+C).':
    'Copying automatically is not possible here: the address is selected, copy it with Ctrl+C (or Cmd+C).',
  'Adresse copiée dans le presse-papiers.': 'Address copied to the clipboard.',
  'Le calendrier « {label} » est révoqué : son adresse ne donne plus rien.':
    'The calendar “{label}” has been revoked: its address gives nothing any more.',
  'Révocation refusée : {message}': 'Revocation refused: {message}',
  // auth/digest-setting.ts
  'Rappels par courriel': 'Reminders by e-mail',
  'Les rappels d’échéance arrivent toujours dans la cloche « Rappels » de Jalons. Vous pouvez aussi en recevoir un récapitulatif par courriel.':
    'Due-date reminders always arrive in the “Reminders” bell of Jalons. You can also receive a digest of them by e-mail.',
  'Fréquence des courriels de rappel': 'How often reminder e-mails are sent',
  'Enregistrer ma préférence': 'Save my preference',
  'Préférence enregistrée : {choice}.': 'Preference saved: {choice}.',
  'Préférence non enregistrée : {message}': 'Preference not saved: {message}',
  // auth/forbidden-page.ts
  'Accès refusé': 'Access denied',
  'Vous n’êtes pas autorisé·e à ouvrir la page demandée : elle est réservée à l’administrateur·rice de Jalons.':
    'You are not allowed to open the page you asked for: it is reserved for the administrator of Jalons.',
  'Votre rôle : {role}.': 'Your role: {role}.',
  'Revenir à la vue du mandat': 'Back to the term overview',
  // auth/forgot-password-page.html
  'Mot de passe oublié': 'Forgotten password',
  'Si un compte existe pour l’adresse {email}, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe.':
    'If an account exists for the address {email}, an e-mail has just been sent to it with a link to choose a new password.',
  'Rien reçu d’ici quelques minutes ? Vérifiez le dossier des indésirables, ou adressez-vous à l’administrateur·rice de Jalons.':
    'Nothing received within a few minutes? Check the spam folder, or ask the administrator of Jalons.',
  'Indiquez l’adresse électronique de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.':
    'Enter the e-mail address of your account: you will receive a link to choose a new password.',
  'Recevoir un lien': 'Get a link',
  'Retour à la connexion': 'Back to sign-in',
  // auth/login-page.html
  Connexion: 'Sign in',
  'Jalons, la feuille de route du service public local de la donnée.':
    'Jalons, the roadmap of the local public data service.',
  'Mot de passe': 'Password',
  'Se connecter': 'Sign in',
  'Mot de passe oublié ?': 'Forgotten password?',
  'Connexion en cours…': 'Signing in…',
  'Sans compte, vous pouvez consulter les':
    'Without an account, you can read the',
  'pages publiques des feuilles de route': 'public pages of the roadmaps',
  // auth/login-page.ts
  'Indiquez votre mot de passe.': 'Enter your password.',
  // auth/password-rules.ts
  'Au moins {min} caractères ({max} au plus). Une phrase de passe, facile à retenir, convient très bien.':
    'At least {min} characters ({max} at most). A passphrase, easy to remember, is a fine choice.',
  'Choisissez un mot de passe.': 'Choose a password.',
  'Le mot de passe doit compter au moins {min} caractères (il en compte {n}).':
    'The password must have at least {min} characters (it has {n}).',
  'Le mot de passe doit compter au plus {max} caractères.':
    'The password must have at most {max} characters.',
  'Les deux mots de passe ne sont pas identiques.':
    'The two passwords are not the same.',
  'Indiquez votre adresse électronique.': 'Enter your e-mail address.',
  // auth/set-password-page.html
  'Ce lien est incomplet : ouvrez le lien reçu par courriel en entier, ou copiez-le dans la barre d’adresse.':
    'This link is incomplete: open the whole link received by e-mail, or copy it into the address bar.',
  'Demander un nouveau lien': 'Ask for a new link',
  'Demandez une nouvelle invitation à l’administrateur·rice de Jalons.':
    'Ask the administrator of Jalons for a new invitation.',
  'Mot de passe, une seconde fois': 'Password, once again',
  // auth/set-password-page.ts
  'Activer votre compte': 'Activate your account',
  'Vous êtes invité·e à suivre la feuille de route dans Jalons. Choisissez votre mot de passe pour activer votre compte.':
    'You are invited to follow the roadmap in Jalons. Choose your password to activate your account.',
  'Activer mon compte': 'Activate my account',
  'Votre compte est activé : connectez-vous avec votre adresse électronique et le mot de passe choisi.':
    'Your account is active: sign in with your e-mail address and the password you chose.',
  'Choisir un nouveau mot de passe': 'Choose a new password',
  'Choisissez le nouveau mot de passe de votre compte.':
    'Choose the new password of your account.',
  'Enregistrer le mot de passe': 'Save the password',
  'Votre nouveau mot de passe est enregistré : connectez-vous.':
    'Your new password is saved: sign in.',
  // chronogram/chronogram-page.html
  'Fiche de la fonction': 'Function page',
  'Toute la feuille de route': 'The whole roadmap',
  Présentation: 'Display',
  Tableau: 'Table',
  'Échelle de temps': 'Time scale',
  'Aujourd’hui': 'Today',
  'Modifier le planning': 'Edit the schedule',
  'Exporter XLSX': 'Export XLSX',
  'Exporter CSV': 'Export CSV',
  'Faites glisser une barre pour changer ses dates, ou sa poignée pour changer l’avancement. Chaque changement est enregistré aussitôt.':
    'Drag a bar to change its dates, or its handle to change the progress. Each change is saved at once.',
  'Chargement du chronogramme…': 'Loading the Gantt chart…',
  'Aucune feuille de route n’est encore enregistrée.':
    'No roadmap has been recorded yet.',
  'Impossible de charger le chronogramme : {message}':
    'The Gantt chart could not be loaded: {message}',
  // chronogram/chronogram-page.ts
  Mois: 'Month',
  Trimestre: 'Quarter',
  Année: 'Year',
  'Chronogramme : {function}': 'Gantt chart: {function}',
  'Nouvelles dates enregistrées.': 'New dates saved.',
  'Avancement enregistré.': 'Progress saved.',
  'Modification refusée : {message}': 'Change refused: {message}',
  // chronogram/chronogram-table.html
  'Tableau du chronogramme': 'Table of the Gantt chart',
  'Actions et jalons de {territory} ({mandate}), groupés par fonction ; santé calculée au {date}':
    'Actions and milestones of {territory} ({mandate}), grouped by function; health as of {date}',
  Élément: 'Item',
  Type: 'Type',
  Début: 'Start',
  'Échéance / date': 'Due date / date',
  Statut: 'Status',
  Avancement: 'Progress',
  Santé: 'Health',
  Responsable: 'Owner',
  '{n} élément|{n} éléments': '{n} item|{n} items',
  'Aucune action ni aucun jalon pour cette fonction.':
    'No action and no milestone for this function.',
  // chronogram/chronogram-table.ts
  Action: 'Action',
  'Sans objet': 'Not applicable',
  Jalon: 'Milestone',
  // chronogram/chronogram.routes.ts
  'Chronogramme · Jalons': 'Gantt chart · Jalons',
  // data/api-error.ts
  'le serveur ne répond pas, vérifiez votre connexion.':
    'the server does not answer, check your connection.',
  'erreur inattendue.': 'unexpected error.',
  'le serveur a répondu par une erreur {status}.':
    'the server answered with error {status}.',
  // data/auth.service.ts
  'Votre session a expiré : reconnectez-vous.':
    'Your session has expired: sign in again.',
  // functions/function-page.html
  'Fonction centrale': 'Central function',
  'Fonction cible': 'Target function',
  'La fonction': 'The function',
  'Référent·e': 'Owner',
  'À désigner': 'To be appointed',
  '{progress} réalisé, {expected} attendu au {date}':
    '{progress} done, {expected} expected on {date}',
  '{n} terminée sur {count}|{n} terminées sur {count}':
    '{n} done out of {count}|{n} done out of {count}',
  '{n} en retard': '{n} late',
  '{n} bloquée|{n} bloquées': '{n} blocked|{n} blocked',
  'Jalons atteints': 'Milestones achieved',
  '{done} sur {count}': '{done} out of {count}',
  'Ses trois volets': 'Its three strands',
  'Avancement par phase': 'Progress by phase',
  'Avancement de la fonction par phase': 'Progress of the function by phase',
  'Avancement de la fonction {name} dans chaque phase':
    'Progress of the function {name} in each phase',
  Phase: 'Phase',
  Période: 'Period',
  Réalisé: 'Done',
  Attendu: 'Expected',
  'En retard': 'Late',
  'en cours': 'current',
  'Aucune action dans cette phase.': 'No action in this phase.',
  'Ouvrir le chronogramme de la fonction (modifier le planning, vue tableau, export)':
    'Open the function’s Gantt chart (edit the schedule, table view, export)',
  'Ouvrir le chronogramme de la fonction (vue tableau, export)':
    'Open the function’s Gantt chart (table view, export)',
  'Chargement de la fonction…': 'Loading the function…',
  'Impossible de charger la fonction : {message}':
    'The function could not be loaded: {message}',
  // functions/function-page.ts
  'aucune feuille de route n’est encore enregistrée.':
    'no roadmap has been recorded yet.',
  // functions/functions.routes.ts
  'Fonction · Jalons': 'Function · Jalons',
  // gantt/gantt-overlays.ts
  '{name} : du {start} au {end}': '{name}: from {start} to {end}',
  Élection: 'Election',
  'Élection du {date}': 'Election of {date}',
  'Aujourd’hui : {date}': 'Today: {date}',
  // gantt/gantt-rows.ts
  'À lancer': 'Not started',
  Bloquée: 'Blocked',
  Terminée: 'Done',
  Abandonnée: 'Dropped',
  Atteint: 'Achieved',
  'À venir': 'Upcoming',
  'dont {late} en retard': 'of which {late} late',
  'Chronogramme : {actions}{lateActions}, {milestones}{lateMilestones}, du {start} au {end}':
    'Gantt chart: {actions}{lateActions}, {milestones}{lateMilestones}, from {start} to {end}',
  '{n} action|{n} actions': '{n} action|{n} actions',
  '{n} jalon|{n} jalons': '{n} milestone|{n} milestones',
  'Jalon du {date} · {state}': 'Milestone of {date} · {state}',
  'Sans responsable': 'No owner',
  'Avancement : {progress}': 'Progress: {progress}',
  'Du {start} au {end} ({days})': 'From {start} to {end} ({days})',
  '{n} jour|{n} jours': '{n} day|{n} days',
  'Responsable : {name}': 'Owner: {name}',
  aucun: 'none',
  'Santé : {health}': 'Health: {health}',
  'Prévu le {date}': 'Planned for {date}',
  'Atteint le {date}': 'Achieved on {date}',
  'Jalon · {function} · {state}': 'Milestone · {function} · {state}',
  // gantt/gantt-view-modes.ts
  Janvier: 'January',
  Février: 'February',
  Mars: 'March',
  Avril: 'April',
  Mai: 'May',
  Juin: 'June',
  Juillet: 'July',
  Août: 'August',
  Septembre: 'September',
  Octobre: 'October',
  Novembre: 'November',
  Décembre: 'December',
  'T{quarter}': 'Q{quarter}',
  // gantt/gantt.html
  'Fonctions, actions et jalons': 'Functions, actions and milestones',
  'réalisé,': 'done,',
  'élément|éléments': 'item|items',
  // gantt/gantt.ts
  'Zone de défilement du chronogramme (flèches gauche et droite)':
    'Scrolling area of the Gantt chart (left and right arrows)',
  // i18n/language-switch.ts
  'Langue de l’interface': 'Language of the interface',
  // items/action-page.html
  Fiche: 'Details',
  Volet: 'Strand',
  Échéance: 'Due date',
  '(dépassée)': '(past)',
  '(attendu au {date} : {expected})': '(expected on {date}: {expected})',
  'Actions précédentes': 'Preceding actions',
  Aucune: 'None',
  'Action précédente': 'Preceding action',
  'Consultation seule : cette action est mise à jour par la ou le chef·fe de projet et par la ou le responsable de la fonction.':
    'Read only: this action is updated by the project lead and by the function’s owner.',
  'Mettre à jour': 'Update',
  Recharger: 'Reload',
  'Avancement (%)': 'Progress (%)',
  'Un nombre entier de 0 à 100. Une action terminée est à 100 %, une action à lancer à 0 %.':
    'A whole number from 0 to 100. A done action is at 100%, an action not started at 0%.',
  'Commentaire (facultatif)': 'Comment (optional)',
  Historique: 'History',
  'Chargement de l’action…': 'Loading the action…',
  'Impossible de charger l’action : {message}':
    'The action could not be loaded: {message}',
  // items/action-page.ts
  'Mise à jour enregistrée.': 'Update saved.',
  // items/history-table.ts
  'Historique des modifications': 'History of changes',
  'Historique des modifications, de la plus récente à la plus ancienne':
    'History of changes, newest first',
  Qui: 'Who',
  Quand: 'When',
  Champ: 'Field',
  De: 'From',
  À: 'To',
  Commentaire: 'Comment',
  'Aucune modification enregistrée.': 'No change recorded.',
  // items/item-context.ts
  'Cet élément a été modifié entre-temps par quelqu’un d’autre. Rechargez-le pour voir sa version actuelle, puis refaites votre modification.':
    'Someone else changed this item in the meantime. Reload it to see its current version, then make your change again.',
  // items/items.routes.ts
  'Action · Jalons': 'Action · Jalons',
  'Jalon · Jalons': 'Milestone · Jalons',
  // items/milestone-page.html
  'Date prévue': 'Planned date',
  'le {date}': 'on {date}',
  'Référent·e de la fonction': 'Owner of the function',
  'Consultation seule : ce jalon est mis à jour par la ou le chef·fe de projet et par la ou le responsable de la fonction.':
    'Read only: this milestone is updated by the project lead and by the function’s owner.',
  'Atteint le': 'Achieved on',
  'Marquer comme non atteint': 'Mark as not achieved',
  'Marquer comme atteint': 'Mark as achieved',
  'Chargement du jalon…': 'Loading the milestone…',
  'Impossible de charger le jalon : {message}':
    'The milestone could not be loaded: {message}',
  // items/milestone-page.ts
  'Indiquez le jour où le jalon a été atteint.':
    'Enter the day the milestone was achieved.',
  'Jalon marqué comme atteint.': 'Milestone marked as achieved.',
  'Jalon marqué comme non atteint.': 'Milestone marked as not achieved.',
  // items/replan-form.html
  Replanifier: 'Re-plan',
  'Entre le {start} et le {end}, dates de la feuille de route. La phase de l’action est celle qui contient ce jour.':
    'Between {start} and {end}, the dates of the roadmap. The action’s phase is the one that contains this day.',
  'Le jour du début ou plus tard, au plus tard le {end}.':
    'On the start day or later, on {end} at the latest.',
  'Entre le {start} et le {end}, dates de la feuille de route. La phase du jalon est celle qui contient ce jour.':
    'Between {start} and {end}, the dates of the roadmap. The milestone’s phase is the one that contains this day.',
  'Enregistrer les dates': 'Save the dates',
  'Enregistrer la date': 'Save the date',
  // items/replan-form.ts
  'Cet élément a été modifié entre-temps par quelqu’un d’autre. Sa version actuelle vient d’être rechargée : vérifiez les dates, puis enregistrez à nouveau.':
    'Someone else changed this item in the meantime. Its current version has just been reloaded: check the dates, then save again.',
  'Rien à enregistrer : ces dates sont déjà celles de l’action.':
    'Nothing to save: these are already the action’s dates.',
  'Rien à enregistrer : cette date est déjà celle du jalon.':
    'Nothing to save: this is already the milestone’s date.',
  'Nouvelles dates enregistrées : du {start} au {due}, phase « {phase} ».':
    'New dates saved: from {start} to {due}, phase “{phase}”.',
  'Nouvelle date enregistrée : le {date}, phase « {phase} ».':
    'New date saved: {date}, phase “{phase}”.',
  'Nouvelle date enregistrée.': 'New date saved.',
  // overview/mandate-timeline.html
  'Frise du mandat, du {start} au {end}':
    'Term timeline, from {start} to {end}',
  '{name}, du {start} au {end}': '{name}, from {start} to {end}',
  'du {start} au {end}': 'from {start} to {end}',
  '(phase en cours)': '(current phase)',
  'Aujourd’hui ({date}) est en dehors de la période de la feuille de route.':
    'Today ({date}) is outside the roadmap’s period.',
  // overview/overview-page.html
  'Du {start} au {end}': 'From {start} to {end}',
  'Chef·fe de projet : {name}': 'Project lead: {name}',
  'Phase en cours :': 'Current phase:',
  'Frise du mandat': 'Term timeline',
  'Avancement global': 'Overall progress',
  réalisé: 'done',
  'attendu au {date}': 'expected on {date}',
  'Calendrier :': 'Schedule:',
  'Barre pleine : avancement réalisé ; trait vertical : avancement attendu à ce jour.':
    'Filled bar: progress made; vertical line: progress expected by today.',
  'Actions terminées': 'Actions done',
  'Actions en retard': 'Late actions',
  'Actions bloquées': 'Blocked actions',
  'Tableau des actions et jalons en retard':
    'Table of late actions and milestones',
  'Actions et jalons dont l’échéance est passée, du plus en retard au moins en retard':
    'Actions and milestones past their due date, the latest first',
  Retard: 'Delay',
  'Rien n’est en retard.': 'Nothing is late.',
  'Impossible de charger les éléments en retard : {message}':
    'The late items could not be loaded: {message}',
  'Chargement des éléments en retard…': 'Loading the late items…',
  'Prochains jalons': 'Next milestones',
  '{period} (jusqu’au {date})': '{period} (until {date})',
  'Tableau des jalons : {period}': 'Table of milestones: {period}',
  'Jalons non atteints : {period}, par date':
    'Milestones not achieved: {period}, by date',
  Date: 'Date',
  'Aucun jalon prévu sur cette période.':
    'No milestone planned in this period.',
  'Impossible de charger les prochains jalons : {message}':
    'The next milestones could not be loaded: {message}',
  'Chargement des prochains jalons…': 'Loading the next milestones…',
  Phases: 'Phases',
  'Tableau des phases': 'Table of phases',
  'Les phases du mandat, dans l’ordre, avec leur avancement':
    'The phases of the term, in order, with their progress',
  Fin: 'End',
  'Fonctions cibles': 'Target functions',
  'Tableau des fonctions cibles': 'Table of target functions',
  'La fonction centrale et les dix fonctions cibles, avec leur avancement':
    'The central function and the ten target functions, with their progress',
  Famille: 'Family',
  'Dernières modifications': 'Latest changes',
  'Tableau des dernières modifications': 'Table of the latest changes',
  'Les dernières modifications de la feuille de route, de la plus récente à la plus ancienne':
    'The latest changes to the roadmap, newest first',
  Modification: 'Change',
  'Impossible de charger les dernières modifications : {message}':
    'The latest changes could not be loaded: {message}',
  'Chargement des dernières modifications…': 'Loading the latest changes…',
  'Chargement de la feuille de route…': 'Loading the roadmap…',
  'Impossible de charger la feuille de route : {message}':
    'The roadmap could not be loaded: {message}',
  // overview/overview-page.ts
  '{field} : {from} → {to}': '{field}: {from} → {to}',
  'Non atteint': 'Not achieved',
  'Dans les 30 prochains jours': 'In the next 30 days',
  'Du 31e au 90e jour': 'From day 31 to day 90',
  'Sans titre': 'Untitled',
  // overview/overview.routes.ts
  'Vue du mandat · Jalons': 'Term overview · Jalons',
  // overview/public-page-setting.ts
  'Page publique': 'Public page',
  'Ouverte, elle montre à tous, sans compte, l’avancement par phase et par fonction et les jalons, sans aucun nom ni commentaire.':
    'When open, it shows everyone, without an account, the progress by phase and by function and the milestones, with no name and no comment.',
  'La page publique est': 'The public page is',
  ouverte: 'open',
  fermée: 'closed',
  'Fermer la page publique': 'Close the public page',
  'Ouvrir la page publique': 'Open the public page',
  'Page publique ouverte.': 'Public page opened.',
  'Page publique fermée.': 'Public page closed.',
  'Ce réglage a été modifié entre-temps par quelqu’un d’autre : voici son état actuel.':
    'Someone else changed this setting in the meantime: here is its current state.',
  // overview/reminder-rules-setting.html
  'Règles de rappel': 'Reminder rules',
  'Chaque jour, Jalons rappelle leurs échéances aux responsables des actions et aux référent·es des fonctions (dans la cloche « Rappels » et, selon leur choix, par courriel).':
    'Every day, Jalons reminds the owners of actions and of functions of their due dates (in the “Reminders” bell and, if they wish, by e-mail).',
  'Rappels avant l’échéance (en jours)':
    'Reminders before the due date (in days)',
  'Nombres de jours séparés par des virgules, par exemple 14, 7, 1 ({count} au plus, de 1 à {max}). Vide : aucun rappel avant l’échéance.':
    'Numbers of days separated by commas, for example 14, 7, 1 ({count} at most, from 1 to {max}). Empty: no reminder before the due date.',
  'Rappel le jour de l’échéance': 'Reminder on the due date',
  'En retard : un rappel tous les … jours': 'Late: a reminder every … days',
  '0 : aucun rappel de retard. Au plus {max}.':
    '0: no reminder when late. At most {max}.',
  'Prévenir le ou la chef·fe de projet après … jours de retard':
    'Tell the project lead after … days late',
  '0 : jamais. Au plus {max}. Ensuite, le ou la chef·fe de projet reçoit les rappels de retard au même rythme.':
    '0: never. At most {max}. After that, the project lead gets the late reminders at the same pace.',
  'Rappeler aussi les jalons (à la personne référente de leur fonction)':
    'Remind milestones too (to the owner of their function)',
  'Enregistrer les règles de rappel': 'Save the reminder rules',
  // overview/reminder-rules-setting.ts
  'Les réglages de cette feuille de route ont été modifiés entre-temps par quelqu’un d’autre : voici les règles actuelles. Vérifiez-les, puis enregistrez à nouveau.':
    'Someone else changed the settings of this roadmap in the meantime: here are the current rules. Check them, then save again.',
  'Indiquez un nombre entier de jours de 0 (jamais) à {max}.':
    'Enter a whole number of days from 0 (never) to {max}.',
  'Indiquez au plus {count} nombres entiers de jours, de 1 à {max}, séparés par des virgules (par exemple : 14, 7, 1).':
    'Enter at most {count} whole numbers of days, from 1 to {max}, separated by commas (for example: 14, 7, 1).',
  'Règles de rappel enregistrées.': 'Reminder rules saved.',
  // overview/timeline.ts
  'Élection : {dates}|Élections : {dates}':
    'Election: {dates}|Elections: {dates}',
  'Prochaine élection : {date}': 'Next election: {date}',
  // public/public-index-page.ts
  'Feuilles de route publiques': 'Public roadmaps',
  'L’avancement des feuilles de route du service public local de la donnée, ouvert au public par les collectivités.':
    'The progress of the roadmaps of the local public data service, opened to the public by the local authorities.',
  'Aucune feuille de route n’a encore de page publique.':
    'No roadmap has a public page yet.',
  'Impossible de charger les pages publiques : {message}':
    'The public pages could not be loaded: {message}',
  'Chargement des pages publiques…': 'Loading the public pages…',
  'Connexion à Jalons': 'Sign in to Jalons',
  // public/public-roadmap-page.html
  'page publique': 'public page',
  'Feuille de route du service public local de la donnée, du {start} au {end}.':
    'Roadmap of the local public data service, from {start} to {end}.',
  'Situation au {date}.': 'Situation on {date}.',
  '{n} action terminée sur {count}.|{n} actions terminées sur {count}.':
    '{n} action done out of {count}.|{n} actions done out of {count}.',
  'Tableau des fonctions': 'Table of functions',
  'La fonction centrale et les fonctions cibles, avec leur avancement':
    'The central function and the target functions, with their progress',
  centrale: 'central',
  Jalons: 'Milestones',
  'Jalons : {group}': 'Milestones: {group}',
  'Autres feuilles de route publiques': 'Other public roadmaps',
  'Cette page publique n’existe pas, ou elle n’est pas ouverte au public.':
    'This public page does not exist, or it is not open to the public.',
  'Impossible de charger la page publique : {message}':
    'The public page could not be loaded: {message}',
  'Voir les feuilles de route publiques': 'See the public roadmaps',
  // public/public-roadmap-page.ts
  'Aucun jalon en retard.': 'No late milestone.',
  'Aucun jalon à venir.': 'No upcoming milestone.',
  Atteints: 'Achieved',
  'Aucun jalon atteint pour l’instant.': 'No milestone achieved so far.',
  // public/public.routes.ts
  'Feuilles de route publiques · Jalons': 'Public roadmaps · Jalons',
  'Page publique · Jalons': 'Public page · Jalons',
  // reminders/reminder-bell.html
  Rappels: 'Reminders',
  'Tout marquer comme lu': 'Mark all as read',
  'non lu': 'unread',
  'Aucun rappel pour le moment.': 'No reminder for now.',
  'Impossible de charger les rappels : {message}':
    'The reminders could not be loaded: {message}',
  'Chargement des rappels…': 'Loading the reminders…',
  'Choisissez sur': 'Choose on',
  'de les recevoir aussi par courriel.': 'to receive them by e-mail too.',
  // reminders/reminder-bell.ts
  'Rappels, {n} non lu|Rappels, {n} non lus':
    'Reminders, {n} unread|Reminders, {n} unread',
  'Tous les rappels sont marqués comme lus.':
    'All reminders are marked as read.',
  'Impossible de marquer les rappels comme lus : {message}':
    'The reminders could not be marked as read: {message}',
  // reminders/reminder-phrase.ts
  'échéance le {due}': 'due on {due}',
  'échéance dans {n} jour — {due}|échéance dans {n} jours — {due}':
    'due in {n} day — {due}|due in {n} days — {due}',
  'échéance aujourd’hui — {due}': 'due today — {due}',
  'en retard de {n} jour — {due}|en retard de {n} jours — {due}':
    '{n} day late — {due}|{n} days late — {due}',
  'remonté : en retard de {n} jour — {due}|remonté : en retard de {n} jours — {due}':
    'escalated: {n} day late — {due}|escalated: {n} days late — {due}',
  // shared/labels.ts
  'À l’heure': 'On track',
  'À surveiller': 'At risk',
  Centrale: 'Central',
  Socle: 'Foundation',
  Ressources: 'Resources',
  Écosystème: 'Ecosystem',
  Anticipation: 'Foresight',
  Stratégique: 'Strategic',
  Métiers: 'Business',
  Technique: 'Technical',
  Création: 'Creation',
  Suppression: 'Deletion',
  Intitulé: 'Title',
  Description: 'Description',
  // @jalons/domain
  'Administrateur·rice': 'Administrator',
  'Chef·fe de projet': 'Project lead',
  'Responsable de fonction': 'Function owner',
  'Élu·e': 'Elected official',
  'Un courriel récapitulatif par jour (les jours où il y a quelque chose)':
    'One digest e-mail a day (on days when there is something)',
  'Un courriel récapitulatif par semaine, le lundi':
    'One digest e-mail a week, on Mondays',
  'Aucun courriel (la cloche dans Jalons seulement)':
    'No e-mail (the bell in Jalons only)',
};
