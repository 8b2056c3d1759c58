/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo bank's static tables and its random-number helpers.
 *
 * The tables are data, not interface: they are the content of a French
 * retail bank (names, towns, products, meeting reports), so they are French
 * and not marked for translation. Name weights follow the shape of French
 * civil-registry frequencies (a long tail after Martin, Bernard, Thomas…);
 * first names carry the year they peaked so that a person born in 1950 is
 * more likely a Monique than a Jade. City coordinates are the town centres. */

#include "config.h"

#include <math.h>

#include "fid-demo-data.h"

/* Random numbers */

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
fid_demo_rng_seed (FidDemoRng *rng,
                   guint64     seed)
{
  guint64 state = seed;

  /* splitmix64 never yields four zero words, which xoshiro cannot leave. */
  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = splitmix64 (&state);
}

double
fid_demo_rng_normal (FidDemoRng *rng)
{
  /* Box–Muller, one value per call: simpler than caching the pair, and the
   * stream stays a pure function of the number of calls. */
  double u1 = 1.0 - fid_demo_rng_double (rng);   /* (0, 1]: log is finite */
  double u2 = fid_demo_rng_double (rng);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

void
fid_demo_picker_init (FidDemoPicker *picker,
                      const guint32 *weights,
                      guint          n)
{
  guint32 total = 0;

  picker->cumulative = g_new (guint32, n);
  picker->n = n;
  for (guint i = 0; i < n; i++)
    {
      total += weights[i];
      picker->cumulative[i] = total;
    }
}

guint
fid_demo_picker_pick (const FidDemoPicker *picker,
                      FidDemoRng          *rng)
{
  guint32 total = picker->cumulative[picker->n - 1];
  guint32 r = total > 0 ? fid_demo_rng_below (rng, total) : 0;
  guint lo = 0, hi = picker->n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (picker->cumulative[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

void
fid_demo_picker_clear (FidDemoPicker *picker)
{
  g_clear_pointer (&picker->cumulative, g_free);
  picker->n = 0;
}

guint
fid_demo_pick_weighted (FidDemoRng   *rng,
                        const guint8 *weights,
                        guint         n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = fid_demo_rng_below (rng, MAX (total, 1));
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

/* Dates: Howard Hinnant's days_from_civil, exact over the proleptic
 * Gregorian calendar, with no locale or time zone involved. */

int
fid_demo_days_from_civil (int y,
                          int m,
                          int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void
fid_demo_civil_from_days (int  days,
                          int *y,
                          int *m,
                          int *d)
{
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static inline char *
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      p[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  return p + width;
}

void
fid_demo_format_date (char buf[11],
                      int  days)
{
  int y, m, d;
  char *p = buf;

  fid_demo_civil_from_days (days, &y, &m, &d);
  p = put_digits (p, y, 4);
  *p++ = '-';
  p = put_digits (p, m, 2);
  *p++ = '-';
  p = put_digits (p, d, 2);
  *p = '\0';
}

void
fid_demo_format_datetime (char buf[20],
                          int  days,
                          int  seconds)
{
  char *p = buf + 10;

  fid_demo_format_date (buf, days);
  *p++ = 'T';
  p = put_digits (p, seconds / 3600, 2);
  *p++ = ':';
  p = put_digits (p, seconds / 60 % 60, 2);
  *p++ = ':';
  p = put_digits (p, seconds % 60, 2);
  *p = '\0';
}

#define TABLE_LEN(name) const guint name##_len = G_N_ELEMENTS (name)

/* People */

const FidDemoFirstName fid_demo_female_names[] = {
  { "Marie", 100, 1940 }, { "Jeanne", 60, 1925 }, { "Françoise", 70, 1950 }, { "Monique", 60, 1945 },
  { "Catherine", 70, 1957 }, { "Nathalie", 75, 1967 }, { "Isabelle", 75, 1964 }, { "Sylvie", 65, 1962 },
  { "Martine", 60, 1952 }, { "Christine", 60, 1958 }, { "Nicole", 55, 1945 }, { "Anne", 50, 1960 },
  { "Valérie", 55, 1968 }, { "Sandrine", 55, 1971 }, { "Véronique", 45, 1963 }, { "Stéphanie", 55, 1975 },
  { "Céline", 50, 1977 }, { "Sophie", 50, 1972 }, { "Patricia", 45, 1960 }, { "Christiane", 40, 1945 },
  { "Jacqueline", 50, 1935 }, { "Michèle", 45, 1948 }, { "Brigitte", 40, 1955 }, { "Chantal", 40, 1953 },
  { "Danielle", 35, 1948 }, { "Denise", 35, 1930 }, { "Annie", 35, 1950 }, { "Josiane", 25, 1950 },
  { "Dominique", 30, 1958 }, { "Hélène", 35, 1960 }, { "Laurence", 40, 1965 }, { "Corinne", 35, 1965 },
  { "Florence", 30, 1965 }, { "Karine", 40, 1972 }, { "Virginie", 40, 1976 }, { "Aurélie", 45, 1982 },
  { "Émilie", 45, 1985 }, { "Julie", 50, 1983 }, { "Audrey", 35, 1982 }, { "Laetitia", 30, 1978 },
  { "Mélanie", 35, 1982 }, { "Caroline", 35, 1975 }, { "Élodie", 35, 1984 }, { "Amandine", 30, 1985 },
  { "Laura", 40, 1992 }, { "Marine", 35, 1990 }, { "Camille", 45, 1995 }, { "Manon", 45, 1995 },
  { "Sarah", 40, 1993 }, { "Pauline", 35, 1990 }, { "Charlotte", 35, 1995 }, { "Léa", 55, 2002 },
  { "Chloé", 45, 2000 }, { "Emma", 55, 2008 }, { "Inès", 35, 2005 }, { "Lucie", 35, 2000 },
  { "Clara", 35, 2005 }, { "Jade", 45, 2012 }, { "Louise", 45, 2018 }, { "Alice", 35, 2015 },
  { "Lina", 30, 2015 }, { "Rose", 25, 2020 }, { "Anna", 25, 2015 }, { "Mila", 25, 2020 },
  { "Ambre", 25, 2018 }, { "Julia", 25, 2010 }, { "Zoé", 35, 2008 }, { "Lola", 30, 2008 },
  { "Juliette", 30, 2010 }, { "Romane", 25, 2008 }, { "Margaux", 25, 2000 }, { "Océane", 30, 1997 },
  { "Mathilde", 30, 1995 }, { "Anaïs", 35, 1990 }, { "Justine", 30, 1990 }, { "Morgane", 30, 1990 },
  { "Marion", 35, 1988 }, { "Claire", 30, 1975 }, { "Élise", 20, 1990 }, { "Agathe", 20, 2012 },
  { "Victoire", 15, 2015 }, { "Héloïse", 15, 2010 }, { "Eva", 30, 2008 }, { "Nina", 25, 2010 },
  { "Maëlys", 25, 2008 }, { "Louna", 20, 2012 }, { "Léna", 30, 2010 }, { "Mia", 25, 2020 },
  { "Giulia", 15, 2018 }, { "Adèle", 25, 2016 }, { "Capucine", 15, 2010 }, { "Valentine", 15, 2005 },
  { "Solène", 15, 1995 }, { "Noémie", 25, 1995 }, { "Clémence", 25, 1995 }, { "Alexandra", 25, 1980 },
  { "Jessica", 30, 1988 }, { "Vanessa", 25, 1980 }, { "Nadia", 15, 1975 }, { "Samia", 10, 1980 },
  { "Fatima", 20, 1975 }, { "Yasmine", 20, 1995 }, { "Sabrina", 25, 1980 }, { "Nadine", 35, 1955 },
  { "Colette", 30, 1935 }, { "Simone", 40, 1925 }, { "Suzanne", 40, 1925 }, { "Yvette", 35, 1930 },
  { "Paulette", 30, 1925 }, { "Germaine", 30, 1915 }, { "Marcelle", 30, 1920 }, { "Madeleine", 35, 1925 },
  { "Renée", 30, 1925 }, { "Odette", 30, 1925 }, { "Lucienne", 25, 1920 }, { "Geneviève", 35, 1945 },
  { "Ginette", 30, 1935 }, { "Huguette", 25, 1935 }, { "Arlette", 25, 1935 }, { "Josette", 30, 1940 },
  { "Claudine", 35, 1948 }, { "Évelyne", 35, 1955 }, { "Marie-Claude", 30, 1950 }, { "Marie-Thérèse", 25, 1940 },
  { "Marie-France", 25, 1950 }, { "Mireille", 30, 1950 }, { "Gisèle", 30, 1935 }, { "Régine", 20, 1950 },
  { "Liliane", 30, 1940 }, { "Éliane", 25, 1940 }, { "Andrée", 25, 1930 }, { "Yvonne", 35, 1920 },
  { "Raymonde", 20, 1925 }, { "Bernadette", 30, 1945 }, { "Muriel", 30, 1965 }, { "Pascale", 30, 1962 },
  { "Béatrice", 30, 1960 }, { "Agnès", 30, 1960 }, { "Cécile", 30, 1968 }, { "Anne-Marie", 30, 1950 },
  { "Marie-Christine", 25, 1955 }, { "Carole", 30, 1968 }, { "Delphine", 35, 1973 }, { "Séverine", 30, 1974 },
  { "Élisabeth", 30, 1950 }, { "Estelle", 20, 1978 }, { "Magali", 25, 1973 }, { "Sandra", 30, 1975 },
  { "Myriam", 25, 1965 }, { "Emmanuelle", 25, 1970 }, { "Gaëlle", 25, 1978 }, { "Ophélie", 20, 1988 },
  { "Cindy", 20, 1985 }, { "Elsa", 20, 1995 }, { "Maëva", 20, 1995 }, { "Lisa", 25, 1995 },
  { "Léonie", 20, 2015 }, { "Romy", 15, 2020 }, { "Iris", 20, 2018 }, { "Margot", 25, 2008 },
  { "Apolline", 15, 2015 }, { "Candice", 10, 1990 }, { "Axelle", 15, 1995 }, { "Coralie", 20, 1985 },
  { "Jennifer", 25, 1985 }, { "Cynthia", 15, 1985 }, { "Alexia", 15, 1995 }, { "Éloïse", 15, 2005 },
  { "Lou", 20, 2010 }, { "Zélie", 10, 2018 }, { "Jeannine", 30, 1935 }, { "Michelle", 30, 1945 },
  { "Annick", 25, 1955 }, { "Maryse", 20, 1950 }, { "Marguerite", 30, 1915 }, { "Thérèse", 30, 1925 },
};
TABLE_LEN (fid_demo_female_names);

const FidDemoFirstName fid_demo_male_names[] = {
  { "Jean", 100, 1940 }, { "Michel", 80, 1950 }, { "Philippe", 75, 1958 }, { "Alain", 65, 1950 },
  { "Pierre", 70, 1945 }, { "Nicolas", 70, 1978 }, { "Christophe", 70, 1968 }, { "Patrick", 60, 1955 },
  { "Daniel", 55, 1948 }, { "Bernard", 55, 1945 }, { "Éric", 60, 1965 }, { "Frédéric", 55, 1970 },
  { "Laurent", 60, 1965 }, { "Stéphane", 60, 1970 }, { "David", 55, 1975 }, { "Pascal", 50, 1962 },
  { "Sébastien", 55, 1977 }, { "Julien", 55, 1982 }, { "Thierry", 50, 1962 }, { "Olivier", 55, 1967 },
  { "Jacques", 55, 1945 }, { "Thomas", 60, 1990 }, { "Dominique", 40, 1958 }, { "André", 50, 1930 },
  { "Gérard", 50, 1948 }, { "Claude", 45, 1945 }, { "René", 45, 1930 }, { "Christian", 45, 1955 },
  { "Didier", 40, 1960 }, { "Bruno", 40, 1962 }, { "François", 50, 1955 }, { "Vincent", 45, 1975 },
  { "Jérôme", 45, 1975 }, { "Guillaume", 45, 1985 }, { "Maxime", 45, 1992 }, { "Alexandre", 45, 1990 },
  { "Antoine", 45, 1993 }, { "Kévin", 45, 1992 }, { "Romain", 45, 1988 }, { "Anthony", 40, 1988 },
  { "Jonathan", 35, 1985 }, { "Mickaël", 35, 1980 }, { "Cédric", 35, 1978 }, { "Fabrice", 35, 1970 },
  { "Franck", 35, 1968 }, { "Yves", 35, 1945 }, { "Louis", 50, 1920 }, { "Robert", 40, 1930 },
  { "Marcel", 40, 1925 }, { "Henri", 40, 1925 }, { "Georges", 40, 1925 }, { "Roger", 40, 1930 },
  { "Paul", 40, 1930 }, { "Maurice", 35, 1925 }, { "Raymond", 35, 1928 }, { "Lucien", 30, 1925 },
  { "Joseph", 35, 1925 }, { "Marc", 40, 1962 }, { "Serge", 35, 1950 }, { "Jean-Pierre", 45, 1950 },
  { "Jean-Claude", 40, 1948 }, { "Jean-Luc", 30, 1958 }, { "Jean-François", 30, 1960 }, { "Jean-Marc", 25, 1962 },
  { "Jean-Michel", 25, 1955 }, { "Jean-Paul", 25, 1950 }, { "Gilles", 35, 1958 }, { "Denis", 30, 1958 },
  { "Hervé", 35, 1962 }, { "Joël", 30, 1955 }, { "Jacky", 20, 1950 }, { "Guy", 30, 1940 },
  { "Lucas", 55, 2002 }, { "Hugo", 50, 2005 }, { "Théo", 45, 2000 }, { "Nathan", 45, 2000 },
  { "Enzo", 40, 2002 }, { "Léo", 45, 2010 }, { "Gabriel", 50, 2015 }, { "Raphaël", 40, 2015 },
  { "Arthur", 45, 2015 }, { "Jules", 40, 2012 }, { "Adam", 35, 2012 }, { "Mathis", 30, 2005 },
  { "Tom", 30, 2005 }, { "Noah", 35, 2015 }, { "Ethan", 30, 2010 }, { "Mathéo", 25, 2010 },
  { "Timéo", 20, 2010 }, { "Clément", 35, 1995 }, { "Quentin", 40, 1992 }, { "Alexis", 35, 1993 },
  { "Florian", 35, 1990 }, { "Benjamin", 35, 1985 }, { "Adrien", 30, 1990 }, { "Valentin", 30, 1995 },
  { "Baptiste", 30, 1995 }, { "Victor", 30, 2010 }, { "Samuel", 25, 2000 }, { "Axel", 25, 2000 },
  { "Mathieu", 35, 1985 }, { "Damien", 30, 1980 }, { "Arnaud", 30, 1975 }, { "Ludovic", 30, 1975 },
  { "Grégory", 35, 1975 }, { "Jérémy", 35, 1985 }, { "Yannick", 30, 1970 }, { "Lionel", 25, 1968 },
  { "Sylvain", 35, 1972 }, { "Emmanuel", 30, 1970 }, { "Xavier", 25, 1968 }, { "Benoît", 30, 1972 },
  { "Rémi", 25, 1985 }, { "Loïc", 25, 1982 }, { "Yoann", 25, 1985 }, { "Steve", 15, 1985 },
  { "Dylan", 25, 1995 }, { "Corentin", 20, 1995 }, { "Tristan", 20, 1995 }, { "Martin", 25, 2010 },
  { "Sacha", 25, 2012 }, { "Aaron", 20, 2012 }, { "Maël", 25, 2012 }, { "Liam", 25, 2015 },
  { "Nolan", 20, 2008 }, { "Évan", 20, 2005 }, { "Noé", 25, 2015 }, { "Éden", 15, 2018 },
  { "Marius", 20, 2018 }, { "Léon", 20, 2020 }, { "Gaspard", 15, 2018 }, { "Lenny", 15, 2008 },
  { "Kylian", 15, 2010 }, { "Mohamed", 30, 1985 }, { "Karim", 20, 1980 }, { "Mehdi", 20, 1988 },
  { "Sofiane", 20, 1990 }, { "Yanis", 25, 2000 }, { "Rayan", 25, 2005 }, { "Ilyes", 15, 2008 },
  { "Bastien", 25, 1990 }, { "Charles", 30, 1990 }, { "Simon", 25, 1995 }, { "Jordan", 25, 1990 },
  { "Jean-Louis", 30, 1950 }, { "Régis", 20, 1965 }, { "Francis", 30, 1945 }, { "Roland", 30, 1940 },
  { "Jean-Jacques", 25, 1950 }, { "Bertrand", 20, 1965 }, { "Patrice", 30, 1960 }, { "Gilbert", 30, 1935 },
  { "Albert", 30, 1920 }, { "Fernand", 25, 1915 }, { "Émile", 25, 1915 }, { "Étienne", 20, 1990 },
  { "Félix", 20, 2015 }, { "Augustin", 15, 2015 }, { "Jean-Baptiste", 20, 1990 }, { "Cyril", 30, 1975 },
  { "Fabien", 30, 1978 }, { "Jean-Yves", 20, 1955 }, { "Hugues", 10, 1965 }, { "Matthieu", 25, 1985 },
  { "Tony", 20, 1980 }, { "Gaëtan", 20, 1985 }, { "Robin", 20, 2000 }, { "Maxence", 20, 2005 },
  { "Titouan", 15, 2008 }, { "Killian", 15, 2000 }, { "Antonin", 15, 2012 }, { "Eliott", 15, 2015 },
  { "Timothée", 15, 2008 }, { "Raoul", 15, 1925 }, { "Gaston", 20, 1915 },
};
TABLE_LEN (fid_demo_male_names);

/* Roughly the number of bearers, in thousands. */
const FidDemoSurname fid_demo_surnames[] = {
  { "Martin", 235 }, { "Bernard", 105 }, { "Thomas", 97 }, { "Petit", 94 }, { "Robert", 93 },
  { "Richard", 91 }, { "Durand", 85 }, { "Dubois", 83 }, { "Moreau", 82 }, { "Laurent", 81 },
  { "Simon", 77 }, { "Michel", 76 }, { "Lefebvre", 72 }, { "Leroy", 67 }, { "Roux", 64 },
  { "David", 64 }, { "Bertrand", 63 }, { "Morel", 62 }, { "Fournier", 61 }, { "Girard", 61 },
  { "Bonnet", 60 }, { "Dupont", 60 }, { "Lambert", 59 }, { "Fontaine", 58 }, { "Rousseau", 57 },
  { "Vincent", 57 }, { "Muller", 56 }, { "Lefèvre", 56 }, { "Faure", 55 }, { "André", 55 },
  { "Mercier", 55 }, { "Blanc", 54 }, { "Guérin", 53 }, { "Boyer", 53 }, { "Garnier", 52 },
  { "Chevalier", 51 }, { "François", 51 }, { "Legrand", 50 }, { "Gauthier", 49 }, { "Garcia", 49 },
  { "Perrin", 48 }, { "Robin", 48 }, { "Clément", 48 }, { "Morin", 47 }, { "Nicolas", 47 },
  { "Henry", 46 }, { "Roussel", 46 }, { "Mathieu", 45 }, { "Gautier", 45 }, { "Masson", 45 },
  { "Marchand", 44 }, { "Duval", 44 }, { "Denis", 44 }, { "Dumont", 43 }, { "Marie", 43 },
  { "Lemaire", 43 }, { "Noël", 42 }, { "Meyer", 42 }, { "Dufour", 42 }, { "Meunier", 41 },
  { "Brun", 41 }, { "Blanchard", 41 }, { "Giraud", 41 }, { "Joly", 40 }, { "Rivière", 40 },
  { "Lucas", 40 }, { "Brunet", 40 }, { "Gaillard", 39 }, { "Barbier", 39 }, { "Arnaud", 39 },
  { "Martinez", 38 }, { "Gérard", 38 }, { "Roche", 38 }, { "Renard", 38 }, { "Schmitt", 37 },
  { "Roy", 37 }, { "Leroux", 37 }, { "Colin", 37 }, { "Vidal", 36 }, { "Caron", 36 },
  { "Picard", 36 }, { "Roger", 36 }, { "Fabre", 35 }, { "Aubert", 35 }, { "Lemoine", 35 },
  { "Renaud", 35 }, { "Dumas", 34 }, { "Lacroix", 34 }, { "Olivier", 34 }, { "Philippe", 34 },
  { "Bourgeois", 33 }, { "Pierre", 33 }, { "Benoît", 33 }, { "Rey", 33 }, { "Leclerc", 32 },
  { "Payet", 32 }, { "Rolland", 32 }, { "Leclercq", 32 }, { "Guillaume", 31 }, { "Lecomte", 31 },
  { "Lopez", 31 }, { "Jean", 31 }, { "Dupuy", 30 }, { "Guillot", 30 }, { "Hubert", 30 },
  { "Berger", 30 }, { "Carpentier", 30 }, { "Sanchez", 29 }, { "Dupuis", 29 }, { "Moulin", 29 },
  { "Louis", 29 }, { "Deschamps", 29 }, { "Huet", 28 }, { "Vasseur", 28 }, { "Perez", 28 },
  { "Boucher", 28 }, { "Fleury", 28 }, { "Royer", 27 }, { "Klein", 27 }, { "Jacquet", 27 },
  { "Adam", 27 }, { "Paris", 27 }, { "Poirier", 26 }, { "Marty", 26 }, { "Aubry", 26 },
  { "Guyot", 26 }, { "Carré", 26 }, { "Charles", 26 }, { "Renault", 25 }, { "Charpentier", 25 },
  { "Ménard", 25 }, { "Maillard", 25 }, { "Baron", 25 }, { "Bertin", 25 }, { "Bailly", 24 },
  { "Hervé", 24 }, { "Schneider", 24 }, { "Fernandez", 24 }, { "Le Gall", 24 }, { "Collet", 24 },
  { "Léger", 23 }, { "Bouvier", 23 }, { "Julien", 23 }, { "Prévost", 23 }, { "Millet", 23 },
  { "Perrot", 23 }, { "Daniel", 23 }, { "Le Roux", 22 }, { "Cousin", 22 }, { "Germain", 22 },
  { "Breton", 22 }, { "Besson", 22 }, { "Langlois", 22 }, { "Rémy", 22 }, { "Le Goff", 21 },
  { "Pelletier", 21 }, { "Lévêque", 21 }, { "Perrier", 21 }, { "Leblanc", 21 }, { "Barré", 21 },
  { "Lebrun", 21 }, { "Marchal", 21 }, { "Weber", 20 }, { "Mallet", 20 }, { "Hamon", 20 },
  { "Boulanger", 20 }, { "Jacob", 20 }, { "Monnier", 20 }, { "Michaud", 20 }, { "Rodriguez", 20 },
  { "Guichard", 19 }, { "Gillet", 19 }, { "Étienne", 19 }, { "Grondin", 19 }, { "Poulain", 19 },
  { "Tessier", 19 }, { "Chevallier", 19 }, { "Collin", 19 }, { "Chauvin", 18 }, { "Da Silva", 18 },
  { "Bouchet", 18 }, { "Gay", 18 }, { "Lemaître", 18 }, { "Bénard", 18 }, { "Maréchal", 18 },
  { "Humbert", 18 }, { "Reynaud", 17 }, { "Antoine", 17 }, { "Hoarau", 17 }, { "Perret", 17 },
  { "Barthélemy", 17 }, { "Cordier", 17 }, { "Pichon", 17 }, { "Lejeune", 17 }, { "Gilbert", 16 },
  { "Lamy", 16 }, { "Delaunay", 16 }, { "Pasquier", 16 }, { "Carlier", 16 }, { "Laporte", 16 },
  { "Nguyen", 14 }, { "Dos Santos", 14 }, { "Ferreira", 14 }, { "Pereira", 13 }, { "Martins", 13 },
  { "Gomez", 13 }, { "Rodrigues", 12 }, { "Haddad", 12 }, { "Cohen", 11 }, { "Lévy", 11 },
  { "Benali", 10 }, { "Diallo", 10 }, { "Traoré", 9 }, { "Kaya", 8 }, { "D'Almeida", 8 },
};
TABLE_LEN (fid_demo_surnames);

/* Places */

const FidDemoCity fid_demo_cities[] = {
  { "Paris", 75000, 20, 48.8566f, 2.3522f, 2145 },
  { "Marseille", 13000, 16, 43.2965f, 5.3698f, 870 },
  { "Lyon", 69000, 9, 45.7640f, 4.8357f, 522 },
  { "Toulouse", 31000, 0, 43.6047f, 1.4442f, 498 },
  { "Nice", 6000, 0, 43.7102f, 7.2620f, 342 },
  { "Nantes", 44000, 0, 47.2184f, -1.5536f, 320 },
  { "Montpellier", 34000, 0, 43.6108f, 3.8767f, 300 },
  { "Strasbourg", 67000, 0, 48.5734f, 7.7521f, 287 },
  { "Bordeaux", 33000, 0, 44.8378f, -0.5792f, 261 },
  { "Lille", 59000, 0, 50.6292f, 3.0573f, 236 },
  { "Rennes", 35000, 0, 48.1173f, -1.6778f, 222 },
  { "Reims", 51100, 0, 49.2583f, 4.0317f, 180 },
  { "Toulon", 83000, 0, 43.1242f, 5.9280f, 180 },
  { "Saint-Étienne", 42000, 0, 45.4397f, 4.3872f, 173 },
  { "Le Havre", 76600, 0, 49.4944f, 0.1079f, 166 },
  { "Grenoble", 38000, 0, 45.1885f, 5.7245f, 158 },
  { "Dijon", 21000, 0, 47.3220f, 5.0415f, 159 },
  { "Angers", 49000, 0, 47.4784f, -0.5632f, 157 },
  { "Villeurbanne", 69100, 0, 45.7719f, 4.8902f, 152 },
  { "Nîmes", 30000, 0, 43.8367f, 4.3601f, 148 },
  { "Clermont-Ferrand", 63000, 0, 45.7772f, 3.0870f, 147 },
  { "Aix-en-Provence", 13100, 0, 43.5297f, 5.4474f, 145 },
  { "Le Mans", 72000, 0, 48.0061f, 0.1996f, 143 },
  { "Brest", 29200, 0, 48.3904f, -4.4861f, 139 },
  { "Tours", 37000, 0, 47.3941f, 0.6848f, 136 },
  { "Amiens", 80000, 0, 49.8941f, 2.2958f, 133 },
  { "Limoges", 87000, 0, 45.8336f, 1.2611f, 130 },
  { "Annecy", 74000, 0, 45.8992f, 6.1294f, 130 },
  { "Perpignan", 66000, 0, 42.6887f, 2.8948f, 120 },
  { "Boulogne-Billancourt", 92100, 0, 48.8397f, 2.2399f, 121 },
  { "Metz", 57000, 0, 49.1193f, 6.1757f, 117 },
  { "Besançon", 25000, 0, 47.2378f, 6.0241f, 117 },
  { "Orléans", 45000, 0, 47.9030f, 1.9093f, 116 },
  { "Saint-Denis", 93200, 0, 48.9362f, 2.3574f, 113 },
  { "Rouen", 76000, 0, 49.4432f, 1.0999f, 112 },
  { "Montreuil", 93100, 0, 48.8638f, 2.4485f, 111 },
  { "Argenteuil", 95100, 0, 48.9472f, 2.2467f, 110 },
  { "Mulhouse", 68100, 0, 47.7508f, 7.3359f, 108 },
  { "Caen", 14000, 0, 49.1829f, -0.3707f, 106 },
  { "Nancy", 54000, 0, 48.6921f, 6.1844f, 104 },
  { "Roubaix", 59100, 0, 50.6942f, 3.1746f, 98 },
  { "Tourcoing", 59200, 0, 50.7239f, 3.1612f, 98 },
  { "Nanterre", 92000, 0, 48.8924f, 2.2071f, 96 },
  { "Vitry-sur-Seine", 94400, 0, 48.7875f, 2.3928f, 95 },
  { "Créteil", 94000, 0, 48.7904f, 2.4556f, 92 },
  { "Avignon", 84000, 0, 43.9493f, 4.8055f, 91 },
  { "Poitiers", 86000, 0, 46.5802f, 0.3404f, 89 },
  { "Aubervilliers", 93300, 0, 48.9146f, 2.3821f, 88 },
  { "Dunkerque", 59140, 0, 51.0343f, 2.3768f, 87 },
  { "Colombes", 92700, 0, 48.9226f, 2.2522f, 86 },
  { "Versailles", 78000, 0, 48.8049f, 2.1204f, 84 },
  { "Courbevoie", 92400, 0, 48.8973f, 2.2522f, 82 },
  { "Rueil-Malmaison", 92500, 0, 48.8778f, 2.1803f, 78 },
  { "Béziers", 34500, 0, 43.3442f, 3.2158f, 78 },
  { "Cherbourg-en-Cotentin", 50100, 0, 49.6337f, -1.6222f, 78 },
  { "La Rochelle", 17000, 0, 46.1603f, -1.1511f, 77 },
  { "Pau", 64000, 0, 43.2951f, -0.3708f, 76 },
  { "Cannes", 6400, 0, 43.5528f, 7.0174f, 74 },
  { "Antibes", 6600, 0, 43.5808f, 7.1251f, 73 },
  { "Saint-Nazaire", 44600, 0, 47.2735f, -2.2138f, 71 },
  { "Ajaccio", 20000, 0, 41.9192f, 8.7386f, 71 },
  { "Colmar", 68000, 0, 48.0794f, 7.3585f, 68 },
  { "Issy-les-Moulineaux", 92130, 0, 48.8245f, 2.2743f, 68 },
  { "Calais", 62100, 0, 50.9513f, 1.8587f, 67 },
  { "Évry-Courcouronnes", 91000, 0, 48.6290f, 2.4410f, 67 },
  { "Cergy", 95000, 0, 49.0364f, 2.0761f, 66 },
  { "Bourges", 18000, 0, 47.0810f, 2.3988f, 64 },
  { "Valence", 26000, 0, 44.9334f, 4.8924f, 64 },
  { "Quimper", 29000, 0, 47.9960f, -4.1024f, 63 },
  { "Troyes", 10000, 0, 48.2973f, 4.0744f, 61 },
  { "Montauban", 82000, 0, 44.0176f, 1.3550f, 61 },
  { "Chambéry", 73000, 0, 45.5646f, 5.9178f, 60 },
  { "Niort", 79000, 0, 46.3237f, -0.4588f, 59 },
  { "Neuilly-sur-Seine", 92200, 0, 48.8846f, 2.2697f, 59 },
  { "Lorient", 56100, 0, 47.7483f, -3.3700f, 57 },
  { "Beauvais", 60000, 0, 49.4300f, 2.0810f, 56 },
  { "Hyères", 83400, 0, 43.1204f, 6.1286f, 56 },
  { "Meaux", 77100, 0, 48.9601f, 2.8788f, 56 },
  { "La Roche-sur-Yon", 85000, 0, 46.6706f, -1.4260f, 55 },
  { "Narbonne", 11100, 0, 43.1839f, 3.0042f, 55 },
  { "Vannes", 56000, 0, 47.6582f, -2.7608f, 54 },
  { "Cholet", 49300, 0, 47.0600f, -0.8792f, 54 },
  { "Fréjus", 83600, 0, 43.4332f, 6.7370f, 54 },
  { "Saint-Quentin", 2100, 0, 49.8465f, 3.2876f, 53 },
  { "Arles", 13200, 0, 43.6768f, 4.6303f, 52 },
  { "Bayonne", 64100, 0, 43.4929f, -1.4748f, 51 },
  { "Martigues", 13500, 0, 43.4050f, 5.0476f, 49 },
  { "Albi", 81000, 0, 43.9289f, 2.1464f, 49 },
  { "Vincennes", 94300, 0, 48.8474f, 2.4392f, 49 },
  { "Laval", 53000, 0, 48.0707f, -0.7734f, 49 },
  { "Bastia", 20200, 0, 42.6973f, 9.4509f, 48 },
  { "Évreux", 27000, 0, 49.0241f, 1.1508f, 47 },
  { "Saint-Malo", 35400, 0, 48.6493f, -2.0257f, 46 },
  { "Blois", 41000, 0, 47.5861f, 1.3359f, 46 },
  { "Belfort", 90000, 0, 47.6380f, 6.8628f, 46 },
  { "Charleville-Mézières", 8000, 0, 49.7621f, 4.7263f, 46 },
  { "Carcassonne", 11000, 0, 43.2130f, 2.3491f, 46 },
  { "Brive-la-Gaillarde", 19100, 0, 45.1589f, 1.5331f, 46 },
  { "Saint-Germain-en-Laye", 78100, 0, 48.8989f, 2.0938f, 45 },
  { "Sète", 34200, 0, 43.4028f, 3.6930f, 44 },
  { "Saint-Brieuc", 22000, 0, 48.5141f, -2.7603f, 44 },
  { "Châteauroux", 36000, 0, 46.8103f, 1.6913f, 43 },
  { "Valenciennes", 59300, 0, 50.3570f, 3.5235f, 43 },
  { "Angoulême", 16000, 0, 45.6484f, 0.1562f, 42 },
  { "Tarbes", 65000, 0, 43.2328f, 0.0781f, 42 },
  { "Arras", 62000, 0, 50.2910f, 2.7775f, 41 },
  { "Bourg-en-Bresse", 1000, 0, 46.2052f, 5.2255f, 41 },
  { "Boulogne-sur-Mer", 62200, 0, 50.7264f, 1.6147f, 41 },
  { "Thionville", 57100, 0, 49.3579f, 6.1683f, 41 },
  { "Douai", 59500, 0, 50.3703f, 3.0800f, 40 },
  { "Compiègne", 60200, 0, 49.4179f, 2.8261f, 40 },
  { "Melun", 77000, 0, 48.5421f, 2.6554f, 40 },
  { "Gap", 5000, 0, 44.5594f, 6.0786f, 40 },
  { "Chartres", 28000, 0, 48.4439f, 1.4890f, 39 },
  { "Haguenau", 67500, 0, 48.8156f, 7.7906f, 35 },
  { "Mâcon", 71000, 0, 46.3069f, 4.8287f, 34 },
  { "Auxerre", 89000, 0, 47.7982f, 3.5738f, 34 },
  { "Agen", 47000, 0, 44.2033f, 0.6163f, 33 },
  { "Nevers", 58000, 0, 46.9908f, 3.1590f, 33 },
  { "Épinal", 88000, 0, 48.1724f, 6.4496f, 32 },
  { "Lens", 62300, 0, 50.4322f, 2.8333f, 31 },
  { "Mont-de-Marsan", 40000, 0, 43.8902f, -0.4990f, 30 },
  { "Périgueux", 24000, 0, 45.1846f, 0.7214f, 30 },
  { "Dieppe", 76200, 0, 49.9229f, 1.0775f, 28 },
  { "Alençon", 61000, 0, 48.4329f, 0.0913f, 26 },
  { "Aurillac", 15000, 0, 44.9264f, 2.4398f, 25 },
  { "Vichy", 3200, 0, 46.1277f, 3.4260f, 25 },
  { "Rodez", 12000, 0, 44.3506f, 2.5750f, 24 },
  { "Auch", 32000, 0, 43.6465f, 0.5855f, 22 },
  { "Chaumont", 52000, 0, 48.1113f, 5.1392f, 22 },
  { "Cahors", 46000, 0, 44.4475f, 1.4419f, 19 },
  { "Le Puy-en-Velay", 43000, 0, 45.0434f, 3.8858f, 19 },
  { "Lons-le-Saunier", 39000, 0, 46.6745f, 5.5558f, 17 },
  { "Digne-les-Bains", 4000, 0, 44.0925f, 6.2356f, 16 },
  { "Vesoul", 70000, 0, 47.6197f, 6.1540f, 15 },
  { "Bar-le-Duc", 55000, 0, 48.7727f, 5.1603f, 15 },
  { "Tulle", 19000, 0, 45.2658f, 1.7722f, 15 },
  { "Guéret", 23000, 0, 46.1714f, 1.8717f, 13 },
  { "Foix", 9000, 0, 42.9653f, 1.6070f, 9 },
};
TABLE_LEN (fid_demo_cities);

const FidDemoString fid_demo_streets[] = {
  "rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "rue Pasteur",
  "boulevard Gambetta", "rue de la Gare", "place de l'Église", "rue du Moulin",
  "rue des Écoles", "rue Jules Ferry", "avenue de la Libération", "rue du Général de Gaulle",
  "rue de Verdun", "rue Émile Zola", "rue Voltaire", "allée des Tilleuls",
  "chemin des Vignes", "impasse des Lilas", "rue des Roses", "rue du Stade",
  "rue de la Mairie", "avenue Foch", "rue Carnot", "boulevard Pasteur",
  "rue Anatole France", "rue Jean Moulin", "rue de Paris", "route de Lyon",
  "rue des Acacias", "rue du Château", "rue de la Fontaine", "rue Saint-Martin",
  "rue Nationale", "rue du Commerce", "avenue des Marronniers", "rue des Peupliers",
  "rue Georges Clemenceau", "place du Marché", "rue de la Paix", "quai de la Marne",
  "rue du Onze Novembre", "avenue du Maréchal Leclerc", "rue Louis Pergaud", "rue des Jardins",
};
TABLE_LEN (fid_demo_streets);

const FidDemoString fid_demo_branch_suffixes[] = {
  "Centre", "Gare", "République", "Hôtel de Ville", "Cathédrale", "Jean Jaurès",
  "Victor Hugo", "Les Halles", "Saint-Michel", "Mairie", "Université", "Port",
};
TABLE_LEN (fid_demo_branch_suffixes);

const FidDemoString fid_demo_email_domains[] = {
  "gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr",
  "yahoo.fr", "outlook.fr", "wanadoo.fr", "icloud.com", "gmail.com", "orange.fr",
};
TABLE_LEN (fid_demo_email_domains);

const FidDemoString fid_demo_company_activities[] = {
  "Boulangerie", "Pharmacie", "Garage", "Cabinet d'architecture", "Plomberie", "Menuiserie",
  "Transports", "Boucherie", "Librairie", "Fleurs", "Restaurant", "Électricité",
  "Coiffure", "Cabinet comptable", "Immobilier", "Imprimerie", "Auto-école", "Traiteur",
  "Maçonnerie", "Informatique", "Conseil", "Pressing", "Optique", "Cave", "Paysages",
};
TABLE_LEN (fid_demo_company_activities);

/* Products, by family */

const FidDemoProduct fid_demo_products[] = {
  { "CC-STD", "Compte courant", "current_account", 1 },
  { "CC-JEUNE", "Compte courant Jeunes", "current_account", 0 },
  { "CC-JOINT", "Compte joint", "current_account", 0 },
  { "CC-PRO", "Compte courant professionnel", "current_account", 0 },
  { "LIV-A", "Livret A", "savings", 40 },
  { "LDDS", "Livret de développement durable et solidaire", "savings", 20 },
  { "LEP", "Livret d'épargne populaire", "savings", 8 },
  { "PEL", "Plan d'épargne logement", "savings", 15 },
  { "CEL", "Compte épargne logement", "savings", 5 },
  { "LIV-J", "Livret Jeune", "savings", 0 },
  { "CAT", "Compte à terme", "savings", 5 },
  { "CB-CLASSIC", "Carte Visa Classic", "card", 60 },
  { "CB-PREMIER", "Carte Visa Premier", "card", 25 },
  { "CB-GOLD", "Carte Mastercard Gold", "card", 10 },
  { "CB-INFINITE", "Carte Visa Infinite", "card", 5 },
  { "CB-JEUNE", "Carte de débit Jeunes", "card", 0 },
  { "CB-PRO", "Carte Business", "card", 0 },
  { "PI-FIXE", "Prêt immobilier à taux fixe", "mortgage", 75 },
  { "PI-VAR", "Prêt immobilier à taux variable", "mortgage", 8 },
  { "PTZ", "Prêt à taux zéro", "mortgage", 12 },
  { "PI-RELAIS", "Prêt relais", "mortgage", 5 },
  { "PP", "Prêt personnel", "consumer_loan", 35 },
  { "P-AUTO", "Prêt auto", "consumer_loan", 30 },
  { "P-TRAVAUX", "Prêt travaux", "consumer_loan", 20 },
  { "CR", "Crédit renouvelable", "consumer_loan", 15 },
  { "PE", "Prêt étudiant", "student_loan", 70 },
  { "PE-ETAT", "Prêt étudiant garanti par l'État", "student_loan", 30 },
  { "A-HAB", "Assurance habitation", "insurance", 30 },
  { "A-AUTO", "Assurance auto", "insurance", 25 },
  { "A-PREV", "Assurance prévoyance", "insurance", 10 },
  { "A-EMP", "Assurance emprunteur", "insurance", 15 },
  { "A-SANTE", "Complémentaire santé", "insurance", 10 },
  { "A-MP", "Assurance moyens de paiement", "insurance", 10 },
  { "AV", "Assurance vie", "investment", 50 },
  { "PEA", "Plan d'épargne en actions", "investment", 20 },
  { "CTO", "Compte-titres ordinaire", "investment", 10 },
  { "PER", "Plan d'épargne retraite", "investment", 15 },
  { "SCPI", "Parts de SCPI", "investment", 5 },
};
TABLE_LEN (fid_demo_products);

/* Meeting reports: what an advisor writes after a contact, so that a
 * colleague can take the customer over without asking again. Entries with a
 * next step get a follow-up date. */

const FidDemoNote fid_demo_notes[] = {
  /* branch */
  { "branch", "inbound", "Rendez-vous annuel",
    "Rendez-vous annuel : point sur l'épargne, le client envisage un achat immobilier d'ici deux ans. "
    "Simulation de PEL remise, à revoir avec le conjoint.",
    "Simulation remise", "Rappeler pour une simulation de prêt immobilier", NULL },
  { "branch", "inbound", "Ouverture de compte",
    "Ouverture du compte courant et commande de la carte ; pièce d'identité et justificatif de domicile "
    "vérifiés. Présentation de l'application mobile et de l'espace client.",
    "Compte ouvert", NULL, NULL },
  { "branch", "inbound", "Projet immobilier",
    "Premier rendez-vous sur l'achat d'une maison (budget 280 000 €, apport de 15 %). "
    "Demande de simulation sur 20 et 25 ans, pièces justificatives à fournir.",
    "Dossier à compléter", "Recevoir les trois derniers bulletins de salaire", NULL },
  { "branch", "inbound", "Question sur les frais",
    "Passage en agence pour un dépôt de chèque ; le client s'interroge sur les frais de tenue de compte. "
    "Explication du forfait, proposition d'une offre groupée moins chère.",
    "Information donnée", NULL, NULL },
  { "branch", "inbound", "Succession",
    "Rendez-vous à la suite du décès d'un parent : point sur les démarches de succession, "
    "les comptes à clôturer et les contrats d'assurance vie dont le client est bénéficiaire.",
    "Démarches expliquées", "Transmettre l'acte de notoriété au service successions", NULL },
  { "branch", "inbound", "Bilan retraite",
    "Bilan patrimonial avant le départ à la retraite prévu l'an prochain ; revenus en baisse attendue, "
    "intérêt pour le plan d'épargne retraite et pour une assurance vie.",
    "Étude patrimoniale à préparer", "Présenter l'étude patrimoniale", NULL },
  { "branch", "inbound", "Placement d'une épargne",
    "Le client dispose d'une somme disponible après la vente d'un bien. Profil prudent : "
    "répartition proposée entre livrets et fonds en euros.",
    "Proposition faite", "Signer la souscription d'assurance vie", NULL },
  /* phone */
  { "phone", "outbound", "Appel de courtoisie",
    "Appel de suivi après l'ouverture du compte : le client est satisfait et n'a pas de question. "
    "Proposition de rendez-vous épargne déclinée pour l'instant.",
    "Client satisfait", NULL, NULL },
  { "phone", "inbound", "Opposition sur carte",
    "Le client signale la perte de sa carte bancaire. Opposition enregistrée, nouvelle carte commandée, "
    "délai de cinq jours ouvrés annoncé.",
    "Opposition faite", NULL, NULL },
  { "phone", "outbound", "Relance devis assurance habitation",
    "Relance après l'envoi du devis d'assurance habitation ; le client compare avec son assureur actuel "
    "et souhaite être rappelé dans quinze jours.",
    "À rappeler", "Rappeler pour la décision sur le devis", NULL },
  { "phone", "inbound", "Augmentation de plafond",
    "Demande d'augmentation temporaire du plafond de paiement pour l'achat d'une voiture d'occasion. "
    "Plafond relevé pour trente jours.",
    "Plafond relevé", NULL, NULL },
  { "phone", "outbound", "Appel sans réponse",
    "Pas de réponse, message laissé sur le répondeur avec le numéro direct de l'agence.",
    "Pas de réponse", "Rappeler en fin de semaine", "failed" },
  { "phone", "inbound", "Prélèvement non reconnu",
    "Le client ne reconnaît pas un prélèvement de 49,90 €. Vérification faite avec lui : "
    "abonnement souscrit en ligne le mois dernier, le client s'en souvient.",
    "Résolu en ligne", NULL, NULL },
  { "phone", "outbound", "Reprise de contact",
    "Appel de reprise de contact : le compte n'est presque plus utilisé depuis plusieurs mois, le client "
    "a ouvert un compte dans une banque en ligne. Offre de bienvenue présentée, il réfléchit.",
    "Client hésitant", "Envoyer l'offre par écrit et rappeler", NULL },
  /* email */
  { "email", "inbound", "Demande d'attestation",
    "Demande d'une attestation de solde pour un dossier de location. "
    "Attestation envoyée par la messagerie sécurisée le jour même.",
    "Document envoyé", NULL, NULL },
  { "email", "outbound", "Proposition de rendez-vous",
    "Envoi d'une proposition de rendez-vous pour faire le point sur l'épargne de précaution "
    "et sur les projets de l'année.",
    "Proposition envoyée", "Relancer si pas de réponse", NULL },
  { "email", "inbound", "Contestation de frais",
    "Le client conteste des frais d'incident de 8 € ; premier incident depuis l'ouverture du compte, "
    "geste commercial accordé, remboursement sur le prochain relevé.",
    "Geste commercial", NULL, NULL },
  { "email", "outbound", "Pièces manquantes",
    "Relance pour les justificatifs de revenus manquants au dossier de prêt ; "
    "le dossier ne peut pas partir en étude sans eux.",
    "Relance envoyée", "Vérifier la réception des justificatifs", NULL },
  { "email", "inbound", "Changement d'adresse",
    "Le client annonce son déménagement et transmet sa nouvelle adresse ; "
    "mise à jour faite après réception du justificatif de domicile.",
    "Fiche mise à jour", NULL, NULL },
  /* sms */
  { "sms", "outbound", "Rappel de rendez-vous",
    "Rappel du rendez-vous de demain à 10 h à l'agence, avec la liste des documents à apporter.",
    "Rappel envoyé", NULL, NULL },
  { "sms", "outbound", "Alerte solde débiteur",
    "Alerte : le compte est débiteur depuis trois jours, invitation à régulariser ou à contacter l'agence.",
    "Alerte envoyée", "Vérifier la régularisation", NULL },
  { "sms", "inbound", "Confirmation de rendez-vous",
    "Le client confirme par SMS sa venue au rendez-vous de jeudi.",
    "Rendez-vous confirmé", NULL, NULL },
  { "sms", "outbound", "Code de validation",
    "Envoi du lien de signature électronique du contrat, valable 48 heures.",
    "Lien envoyé", NULL, NULL },
  /* web */
  { "web", "inbound", "Simulation de prêt en ligne",
    "Simulation de prêt auto sur le site (15 000 € sur 48 mois) avec demande de rappel par un conseiller.",
    "Demande de rappel", "Rappeler le client pour le prêt auto", NULL },
  { "web", "inbound", "Message depuis l'espace client",
    "Question sur le Livret d'épargne populaire et les conditions de revenus ; "
    "réponse apportée avec le lien vers le simulateur.",
    "Information donnée", NULL, NULL },
  { "web", "inbound", "Souscription en ligne",
    "Souscription en ligne de l'assurance moyens de paiement, contrat signé électroniquement.",
    "Vente réalisée", NULL, NULL },
  { "web", "inbound", "Prise de rendez-vous en ligne",
    "Rendez-vous pris en ligne pour parler d'un projet de travaux dans la résidence principale.",
    "Rendez-vous pris", "Préparer une simulation de prêt travaux", NULL },
  /* mail */
  { "mail", "outbound", "Courrier de bienvenue",
    "Envoi du courrier de bienvenue avec le guide des services et les coordonnées du conseiller.",
    "Courrier envoyé", NULL, NULL },
  { "mail", "outbound", "Récapitulatif annuel des frais",
    "Envoi du récapitulatif annuel des frais bancaires prélevés sur l'année écoulée.",
    "Courrier envoyé", NULL, NULL },
  { "mail", "inbound", "Courrier de réclamation",
    "Courrier du client contestant le refus de sa demande d'autorisation de découvert ; "
    "réponse écrite à apporter sous dix jours ouvrés.",
    "Réclamation enregistrée", "Répondre par écrit au client", NULL },
  { "mail", "outbound", "Proposition personnalisée",
    "Envoi d'une offre personnalisée d'assurance vie avec frais d'entrée réduits jusqu'à la fin du mois.",
    "Offre envoyée", NULL, NULL },
};
TABLE_LEN (fid_demo_notes);

const FidDemoTicketSubject fid_demo_ticket_subjects[] = {
  { "request", "account", "Demande de RIB",
    "Le client demande un relevé d'identité bancaire pour son nouvel employeur.",
    "RIB envoyé par la messagerie sécurisée." },
  { "request", "card", "Commande d'une nouvelle carte",
    "Carte abîmée, la puce ne fonctionne plus chez les commerçants.",
    "Nouvelle carte commandée et envoyée à l'agence." },
  { "request", "savings", "Clôture d'un livret",
    "Le client souhaite clôturer son Livret Jeune arrivé à échéance et virer le solde sur son compte.",
    "Livret clôturé, solde viré sur le compte courant." },
  { "request", "loan", "Tableau d'amortissement",
    "Demande du tableau d'amortissement à jour du prêt immobilier pour la déclaration fiscale.",
    "Tableau d'amortissement envoyé." },
  { "request", "account", "Modification de l'autorisation de découvert",
    "Demande de relèvement de l'autorisation de découvert à 800 €.",
    "Autorisation relevée après étude des revenus." },
  { "request", "online", "Réinitialisation des accès en ligne",
    "Le client n'arrive plus à se connecter à son espace client après plusieurs essais.",
    "Accès réinitialisés, nouveau code envoyé par courrier." },
  { "complaint", "fees", "Contestation de frais bancaires",
    "Le client conteste les commissions d'intervention prélevées ce mois-ci.",
    "Remboursement partiel des commissions à titre commercial." },
  { "complaint", "card", "Paiement refusé à tort",
    "Paiement refusé à l'étranger alors que le solde était suffisant ; le client était bloqué à la caisse.",
    "Plafond à l'étranger corrigé, excuses présentées et frais remboursés." },
  { "complaint", "loan", "Délai de traitement du dossier de prêt",
    "Le dossier de prêt immobilier est sans réponse depuis six semaines ; le compromis expire bientôt.",
    "Dossier traité en priorité, accord de principe donné." },
  { "complaint", "service", "Conseiller injoignable",
    "Le client a laissé plusieurs messages à son conseiller sans être rappelé.",
    "Appel du directeur d'agence, rendez-vous fixé avec le conseiller." },
  { "complaint", "transfer", "Virement non reçu par le bénéficiaire",
    "Un virement de 1 200 € n'est pas arrivé chez le bénéficiaire après cinq jours.",
    "Virement retrouvé et réémis avec la bonne référence." },
  { "complaint", "branch", "Accueil en agence",
    "Le client se plaint d'une longue attente et d'un accueil jugé désagréable.",
    "Excuses présentées, point fait avec l'équipe d'accueil." },
  { "incident", "online", "Application mobile indisponible",
    "Impossible de se connecter à l'application mobile depuis la mise à jour.",
    "Mise à jour corrective publiée, le client a pu se reconnecter." },
  { "incident", "card", "Carte bloquée",
    "Carte bloquée après trois codes erronés.",
    "Carte débloquée et code rappelé par courrier." },
  { "incident", "transfer", "Prélèvement rejeté par erreur",
    "Le prélèvement du loyer a été rejeté alors que le compte était créditeur.",
    "Frais de rejet remboursés, attestation envoyée au bailleur." },
  { "incident", "atm", "Retrait non délivré",
    "Le distributeur a débité 100 € sans délivrer les billets.",
    "Compte recrédité après contrôle du distributeur." },
  { "incident", "fraud", "Opération frauduleuse sur la carte",
    "Trois paiements en ligne inconnus du client ; carte mise en opposition.",
    "Opérations remboursées après enquête, nouvelle carte envoyée." },
};
TABLE_LEN (fid_demo_ticket_subjects);

const FidDemoLifeEvent fid_demo_life_events[] = {
  { "move", 20, 20, 80, "Déménagement annoncé ; le client cherche une résidence principale dans sa nouvelle ville.", "mortgage" },
  { "new_job", 18, 20, 60, "Nouvel emploi en CDI, revenus en hausse.", "card" },
  { "birth", 12, 22, 45, "Naissance d'un enfant : penser au livret et à la prévoyance.", "savings" },
  { "marriage", 10, 22, 70, "Mariage annoncé ; situation familiale et compte joint à mettre à jour.", "current_account" },
  { "higher_education", 10, 38, 62, "L'aîné entre en études supérieures à la rentrée.", "student_loan" },
  { "old_vehicle", 12, 25, 80, "Véhicule de plus de dix ans, plus âgé que la moyenne nationale : remplacement envisagé.", "consumer_loan" },
  { "retirement", 8, 58, 70, "Départ à la retraite ; capital à placer et revenus en baisse.", "investment" },
  { "divorce", 4, 28, 70, "Divorce en cours : désolidarisation du compte joint à prévoir.", "current_account" },
  { "death_in_family", 3, 30, 90, "Décès d'un proche ; accompagnement de la succession.", "insurance" },
  { "inheritance", 3, 35, 90, "Héritage perçu : capital à placer.", "investment" },
};
TABLE_LEN (fid_demo_life_events);

/* Satisfaction surveys. The 22 SERVQUAL statements, rephrased for a bank
 * branch; positions 1–4 tangibles, 5–9 reliability, 10–13 responsiveness,
 * 14–17 assurance, 18–22 empathy. */

const FidDemoServqualItem fid_demo_servqual_items[] = {
  { "L'agence dispose d'équipements modernes (automates, écrans, application).", "tangibles" },
  { "Les locaux de l'agence sont agréables et accueillants.", "tangibles" },
  { "Les conseillers ont une présentation soignée.", "tangibles" },
  { "Les documents remis (brochures, relevés, contrats) sont clairs et agréables à lire.", "tangibles" },
  { "Quand la banque s'engage sur un délai, elle le respecte.", "reliability" },
  { "Quand j'ai un problème, la banque cherche sincèrement à le résoudre.", "reliability" },
  { "La banque fait les choses correctement du premier coup.", "reliability" },
  { "La banque rend ses services au moment annoncé.", "reliability" },
  { "La banque tient mes comptes et mes dossiers sans erreur.", "reliability" },
  { "Les conseillers me disent précisément quand le service sera rendu.", "responsiveness" },
  { "Les conseillers me servent rapidement.", "responsiveness" },
  { "Les conseillers sont toujours prêts à m'aider.", "responsiveness" },
  { "Les conseillers ne sont jamais trop occupés pour répondre à mes demandes.", "responsiveness" },
  { "Le comportement des conseillers m'inspire confiance.", "assurance" },
  { "Je me sens en sécurité dans mes opérations avec la banque.", "assurance" },
  { "Les conseillers sont toujours courtois.", "assurance" },
  { "Les conseillers ont les connaissances pour répondre à mes questions.", "assurance" },
  { "La banque m'accorde une attention individuelle.", "empathy" },
  { "Les horaires d'ouverture conviennent à tous les clients.", "empathy" },
  { "Mon conseiller s'occupe de moi personnellement.", "empathy" },
  { "La banque a à cœur de défendre mes intérêts.", "empathy" },
  { "Les conseillers comprennent mes besoins particuliers.", "empathy" },
};
TABLE_LEN (fid_demo_servqual_items);

/* Reliability weighs most and shows the widest gap, as SERVQUAL studies of
 * retail banks usually find; tangibles the least. */
const FidDemoServqualDimension fid_demo_servqual_dimensions[] = {
  { "tangibles", "Éléments tangibles", 11, 5.6f },
  { "reliability", "Fiabilité", 32, 4.8f },
  { "responsiveness", "Réactivité", 22, 5.0f },
  { "assurance", "Assurance", 19, 5.6f },
  { "empathy", "Empathie", 16, 5.2f },
};
TABLE_LEN (fid_demo_servqual_dimensions);

/* Features of the branch and the app, with the share of respondents whose
 * answers fall in each category (A, O, M, I, R, Q): each feature has a
 * different dominant category. */
const FidDemoKanoFeature fid_demo_kano_features[] = {
  { "Relevés de compte exacts et sans erreur", { 3, 15, 65, 12, 2, 3 } },
  { "Distributeur de billets accessible jour et nuit", { 2, 18, 60, 15, 2, 3 } },
  { "Paiement mobile sans contact", { 25, 42, 13, 15, 2, 3 } },
  { "Conseiller attitré joignable en direct", { 15, 47, 23, 12, 1, 2 } },
  { "Alerte en temps réel à chaque dépense", { 52, 15, 5, 23, 3, 2 } },
  { "Coffre-fort numérique pour les documents", { 47, 10, 5, 33, 2, 3 } },
  { "Agence ouverte le samedi matin", { 14, 20, 10, 51, 2, 3 } },
  { "Appels commerciaux fréquents du conseiller", { 6, 4, 2, 38, 45, 5 } },
};
TABLE_LEN (fid_demo_kano_features);
