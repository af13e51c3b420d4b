/** Release reports built after the gates ran: the Allure HTML report and the release summary. */
package dev.rehearsal.reports;
